import { recordingCodeSender, type SignInCodeSender } from '../app/sign-in-code-sender.js';

/**
 * For tests only: records the delivery request like the real sender and keeps the last code per account
 * in memory, so a test can read what the person would have received.
 */
export interface CapturingCodeSender extends SignInCodeSender {
  lastCode(accountId: string): string | undefined;
  /** Every code sent so far. */
  all(): string[];
}

export function capturingCodeSender(): CapturingCodeSender {
  const codes = new Map<string, string>();
  const all: string[] = [];
  return {
    async send(tx, request) {
      await recordingCodeSender.send(tx, request);
      codes.set(request.accountId, request.code);
      all.push(request.code);
    },
    lastCode: (accountId) => codes.get(accountId),
    all: () => [...all],
  };
}
