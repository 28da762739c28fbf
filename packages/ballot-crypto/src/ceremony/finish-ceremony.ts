import { CeremonyError } from '../errors.js';
import { mulBase } from '../group/multiply.js';
import { addScalars } from '../group/scalar.js';
import type { CommitteeMember } from './committee-member.js';
import type { MemberAnnouncement } from './member-announcement.js';
import { evaluatePolynomial } from './polynomial.js';
import { openShare, type ShareEnvelope } from './share-envelope.js';
import type { TrusteeKey } from './trustee-key.js';
import { commitmentAt } from './verification-key.js';
import { verifyAnnouncements } from './verify-announcement.js';

/** Options of {@link finishCeremony}. */
export interface FinishCeremonyOptions {
  /** The caller already ran {@link verifyAnnouncements} on exactly these announcements. */
  readonly announcementsVerified?: boolean;
}

/**
 * Round 3: verifies every announcement, opens the shares addressed to this member, checks each
 * against its sender's commitments (g^share = Π K_j^(ℓ^j)), and sums them into the key share.
 * Throws {@link CeremonyError} naming the faulty sender, which the committee then excludes.
 */
export function finishCeremony(
  member: CommitteeMember,
  announcements: readonly MemberAnnouncement[],
  envelopes: readonly ShareEnvelope[],
  options: FinishCeremonyOptions = {},
): TrusteeKey {
  if (!options.announcementsVerified) verifyAnnouncements(announcements, member.parameters, member.parametersHash);
  let share = evaluatePolynomial(member.coefficients, member.index);
  for (const a of announcements) {
    if (a.index === member.index) continue;
    const mine = envelopes.filter((e) => e.from === a.index && e.to === member.index);
    if (mine.length !== 1) throw new CeremonyError(`member ${member.index}: expected one share from member ${a.index}, got ${mine.length}`);
    const s = openShare(member.parametersHash, mine[0]!, member.authSecretKey, a.authPublicKey);
    if (!mulBase(s).equals(commitmentAt(a.commitments, member.index))) {
      throw new CeremonyError(`member ${member.index}: the share from member ${a.index} does not match its commitments`);
    }
    share = addScalars(share, s);
  }
  return { index: member.index, secretShare: share, authSecretKey: member.authSecretKey };
}
