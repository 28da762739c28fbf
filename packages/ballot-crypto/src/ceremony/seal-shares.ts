import type { CommitteeMember } from './committee-member.js';
import type { MemberAnnouncement } from './member-announcement.js';
import { evaluatePolynomial } from './polynomial.js';
import { sealShare, type ShareEnvelope } from './share-envelope.js';

/** Round 2: the member's share f_i(ℓ) for every other member ℓ, encrypted to ℓ and signed. */
export function sealShares(member: CommitteeMember, announcements: readonly MemberAnnouncement[]): ShareEnvelope[] {
  return announcements
    .filter((a) => a.index !== member.index)
    .map((a) =>
      sealShare(
        { parametersHash: member.parametersHash, from: member.index, to: a.index },
        evaluatePolynomial(member.coefficients, a.index),
        a.authPublicKey,
        member.authSecretKey,
        member.random,
      ),
    );
}
