import { recordingCodeSender, type SignInCodeSender } from '../app/sign-in-code-sender.js';

/**
 * For tests only: records the delivery request like the real sender and keeps the last code per account
 * in memory, so a test can read what the person would have received.
 */
export interface CapturingCodeSender extends SignInCodeSender {
  lastCode(accountId: string): string | undefined;
  sent(): number;
}

export function capturingCodeSender(): CapturingCodeSender {
  const codes = new Map<string, string>();
  let sent = 0;
  return {
    async send(tx, request) {
      await recordingCodeSender.send(tx, request);
      codes.set(request.accountId, request.code);
      sent += 1;
    },
    lastCode: (accountId) => codes.get(accountId),
    sent: () => sent,
  };
}
