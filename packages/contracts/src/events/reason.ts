import { z } from 'zod';

/** A reason a person reads, with a stable machine code: Turkish first, English second. */
export const Reason = z.object({
  code: z.string().min(1).max(80),
  tr: z.string().min(1),
  en: z.string().min(1),
});
export type Reason = z.infer<typeof Reason>;
