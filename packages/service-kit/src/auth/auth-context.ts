import type { Role, TokenClaims } from '@konsey/contracts';

/** Who is calling, as proven by a verified token. */
export interface AuthContext {
  subject: string;
  roles: readonly Role[];
  claims: TokenClaims;
}
