import type { MembershipPrisma } from '../../membership-prisma.js';
import type { AuthConfig } from '../auth-config.js';
import type { Clock } from '../domain/clock.js';
import type { LockoutPolicy } from '../domain/lockout.js';
import { scryptParameters, type ScryptParameters } from '../domain/password-hash.js';
import type { Keyring } from './create-keyring.js';
import type { SignInCodeSender } from './sign-in-code-sender.js';

/** What the auth use cases work with; built once per service by the routes. */
export interface AuthServices {
  prisma: MembershipPrisma;
  config: AuthConfig;
  keyring: Keyring;
  clock: Clock;
  codeSender: SignInCodeSender;
}

export function lockoutPolicy(config: AuthConfig): LockoutPolicy {
  return { threshold: config.AUTH_LOCKOUT_THRESHOLD, lockSeconds: config.AUTH_LOCKOUT_SECONDS };
}

export function passwordParameters(config: Pick<AuthConfig, 'AUTH_SCRYPT_LOG_N'>): ScryptParameters {
  return scryptParameters(config.AUTH_SCRYPT_LOG_N);
}
