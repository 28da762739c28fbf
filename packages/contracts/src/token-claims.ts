import { z } from 'zod';
import { Language } from './enums.js';
import { Role } from './roles.js';

/** The issuer membership writes into every token, and the audience every service checks. */
export const TOKEN_ISSUER = 'konsey-membership';
export const TOKEN_AUDIENCE = 'konsey';

/** Claims of a Konsey access token (a short-lived JWT signed by membership, verified against its JWKS). */
export const TokenClaims = z.object({
  iss: z.literal(TOKEN_ISSUER),
  aud: z.union([z.literal(TOKEN_AUDIENCE), z.array(z.string()).refine((a) => a.includes(TOKEN_AUDIENCE))]),
  /** The member id, or the staff account id for staff and operators. */
  sub: z.string().min(1),
  roles: z.array(Role).min(1),
  /** Bodies (ids) in which the subject holds a role, e.g. the election committee of one election. */
  bodies: z.array(z.string()).default([]),
  lang: Language.default('tr'),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().optional(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;
