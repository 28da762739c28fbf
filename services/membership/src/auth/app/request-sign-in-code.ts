import { randomUUID } from 'node:crypto';
import { addSeconds } from '../domain/clock.js';
import { deriveKey } from '../domain/key-encryption.js';
import { generateSignInCode, hashSignInCode } from '../domain/one-time-code.js';
import { findAccountByEmail, lockAccount } from '../data/account-repository.js';
import {
  countCodesSince,
  insertSignInCode,
  retireOpenCodes,
  type CodeChannel,
} from '../data/sign-in-code-repository.js';
import type { AuthConfig } from '../auth-config.js';
import type { AuthServices } from './auth-services.js';

export interface RequestSignInCodeInput {
  email: string;
  channel: CodeChannel;
}

/** The key of the one-time-code HMAC, derived from AUTH_KEY_ENCRYPTION_KEY. */
export function signInCodeKey(config: Pick<AuthConfig, 'AUTH_KEY_ENCRYPTION_KEY'>): Buffer {
  return deriveKey(Buffer.from(config.AUTH_KEY_ENCRYPTION_KEY, 'base64'), 'sign-in codes');
}

/**
 * Create a one-time code for the account with this e-mail and hand it to the sender. The caller always
 * answers the same, whether the e-mail is known, the account disabled or the hourly limit reached.
 */
export async function requestSignInCode(
  services: AuthServices,
  input: RequestSignInCodeInput,
): Promise<void> {
  const candidate = await findAccountByEmail(services.prisma, input.email);
  if (!candidate || candidate.disabledAt) return;
  await services.prisma.$transaction(async (tx) => {
    const account = await lockAccount(tx, candidate.id);
    if (!account) return;
    const now = services.clock();
    const recent = await countCodesSince(tx, account.id, addSeconds(now, -3_600));
    if (recent >= services.config.AUTH_CODE_REQUESTS_PER_HOUR) return;
    await retireOpenCodes(tx, account.id, now);
    const id = randomUUID();
    const code = generateSignInCode();
    const expiresAt = addSeconds(now, services.config.AUTH_CODE_TTL_SECONDS);
    await insertSignInCode(tx, {
      id,
      accountId: account.id,
      codeHash: hashSignInCode(signInCodeKey(services.config), id, code),
      createdAt: now,
      expiresAt,
    });
    await services.codeSender.send(tx, {
      accountId: account.id,
      channel: input.channel,
      code,
      language: account.language,
      at: now,
      expiresAt,
    });
  });
}
