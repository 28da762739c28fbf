import { randomUUID } from 'node:crypto';
import type { Language } from '@konsey/contracts';
import { publishEvent } from '@konsey/service-kit';
import type { MembershipTx } from '../../membership-prisma.js';
import { insertCodeDelivery, type CodeChannel } from '../data/sign-in-code-repository.js';

export interface SignInCodeDeliveryRequest {
  accountId: string;
  channel: CodeChannel;
  /** The code in clear: for the sender only, never stored or logged. */
  code: string;
  language: Language;
  at: Date;
  expiresAt: Date;
}

/** Sends a one-time code to its owner, inside the transaction that created the code. */
export interface SignInCodeSender {
  send(tx: MembershipTx, request: SignInCodeDeliveryRequest): Promise<void>;
}

/**
 * Records that a code must be delivered (account, channel, time) in `sign_in_code_deliveries`, for the
 * notifications service to consume once it exists. The code itself is not recorded: until a contract
 * carries it to notifications, the person cannot receive it through this sender.
 */
export const recordingCodeSender: SignInCodeSender = {
  async send(tx, request) {
    await insertCodeDelivery(tx, {
      id: randomUUID(),
      accountId: request.accountId,
      channel: request.channel,
      createdAt: request.at,
    });
  },
};

/**
 * The sender membership runs with: it records the delivery request, and hands the code to
 * notifications through the outbox, in the transaction that created the code.
 */
export const outboxCodeSender: SignInCodeSender = {
  async send(tx, request) {
    await recordingCodeSender.send(tx, request);
    await publishEvent(tx, {
      type: 'membership.sign-in-code.issued',
      data: {
        accountId: request.accountId,
        channel: request.channel,
        code: request.code,
        expiresAt: request.expiresAt.toISOString(),
        language: request.language,
      },
    });
  },
};
