import { z } from 'zod';

/**
 * Roles carried as token claims. Every route states which of them it needs;
 * `public` routes need no token at all.
 */
export const Role = z.enum([
  'member',
  'executive-board',
  'evaluation-committee',
  'election-committee',
  'staff',
  'operator',
]);
export type Role = z.infer<typeof Role>;
