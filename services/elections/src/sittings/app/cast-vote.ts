import type { Prisma } from '../../generated/prisma/client.js';
import { findCurrentStay } from '../data/attendance-repository.js';
import { findOnRoll, findRosterBody } from '../data/roll-repository.js';
import { lockSitting } from '../data/sitting-repository.js';
import { findVote, moveCount, saveVote, type Choice } from '../data/vote-repository.js';
import { sittingsError } from '../sittings-errors.js';
import { loadPollFor } from './load-poll.js';
import { issueChangeCode, verifyChangeCode } from './secret-receipt.js';

/**
 * A member votes (or changes their vote: the last one counts) while voting is open. They must be an
 * active member of the poll's body and, when the sitting says so, checked in. In a secret poll only
 * the counts and the fact of voting are kept; changing a secret vote needs the change code.
 */
export async function castVote(
  tx: Prisma.TransactionClient,
  options: { pollId: string; memberId: string; choice: Choice; changeCode?: string | undefined; at: Date },
) {
  const poll = await loadPollFor(tx, options.pollId, ['voting'], 'vote');
  if (!poll.choices.split(',').includes(options.choice))
    throw sittingsError('choice-not-offered', `this poll offers ${poll.choices}`, { field: 'body.choice' });
  const sitting = (await lockSitting(tx, poll.sittingId!))!;
  const body = await findRosterBody(tx, poll.bodyId);
  if (!body || !(await findOnRoll(tx, body, options.memberId, options.at)))
    throw sittingsError('not-entitled-to-vote', `member ${options.memberId} is not an active member of this body`);
  if (sitting.presentOnlyVoting && !(await findCurrentStay(tx, sitting.sittingId, options.memberId)))
    throw sittingsError(
      'not-present-to-vote',
      `member ${options.memberId} is not checked in at sitting ${sitting.sittingId}`,
    );
  const previous = await findVote(tx, poll.pollId, options.memberId);

  if (poll.visibility === 'open') {
    await moveCount(tx, poll.pollId, (previous?.choice as Choice | null) ?? undefined, options.choice);
    await saveVote(tx, { ...base(options), choice: options.choice, receiptHash: null });
    return { pollId: poll.pollId, choice: options.choice, changed: previous !== null, votedAt: options.at.toISOString() };
  }

  let before: Choice | undefined;
  if (previous) {
    if (!options.changeCode)
      throw sittingsError('change-code-required', 'you have already voted in this secret poll', {
        field: 'body.changeCode',
      });
    before = verifyChangeCode(poll.pollId, options.memberId, options.changeCode, previous.receiptHash!);
    if (!before)
      throw sittingsError('change-code-invalid', 'the change code does not match your current vote', {
        field: 'body.changeCode',
      });
  }
  const receipt = issueChangeCode(poll.pollId, options.memberId, options.choice);
  await moveCount(tx, poll.pollId, before, options.choice);
  await saveVote(tx, { ...base(options), choice: null, receiptHash: receipt.hash });
  return {
    pollId: poll.pollId,
    changed: previous !== null,
    votedAt: options.at.toISOString(),
    changeCode: receipt.code,
  };
}

function base(options: { pollId: string; memberId: string; at: Date }) {
  return { pollId: options.pollId, memberId: options.memberId, at: options.at };
}
