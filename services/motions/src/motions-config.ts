import { z } from 'zod';
import { DEFAULT_WITHDRAWABLE, MOTION_STATES } from './domain/motion-workflow.js';

const stateList = z
  .string()
  .default(DEFAULT_WITHDRAWABLE.join(','))
  .transform((value) =>
    value
      .split(',')
      .map((state) => state.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(MOTION_STATES)));

/** Settings motions reads beyond the kit's (defaults as in the council's rules). */
export const motionsConfig = {
  /** Co-sponsors a member motion needs, besides its submitter, before it may be submitted. */
  MOTION_MIN_COSPONSORS: z.coerce.number().int().min(0).max(100).default(3),
  /** Comma-separated states from which a motion may be withdrawn. */
  MOTION_WITHDRAWABLE_STATES: stateList,
  /** Largest attachment accepted, in bytes. */
  MOTION_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 1024 * 1024),
  /** Comma-separated media types an attachment may have. */
  MOTION_ATTACHMENT_TYPES: z
    .string()
    .default('application/pdf,image/png,image/jpeg,text/plain')
    .transform((value) =>
      value
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean),
    ),
  /** How often the worker looks for sent motions that missed the first municipal meeting (ms). */
  OVERDUE_CHECK_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(60 * 60 * 1000),
  /** The council's name as it heads the official letter. */
  COUNCIL_NAME: z.string().min(1).default('Kent Konseyi'),
  /** To whom the official letter is addressed. */
  MUNICIPALITY_NAME: z.string().min(1).default('Belediye Başkanlığı'),
  /** The public address of this API, used in the Atom feed's links. */
  PUBLIC_BASE_URL: z.url().optional(),
};
