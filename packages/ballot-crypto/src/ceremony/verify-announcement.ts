import type { ElectionParameters } from '../election/parameters.js';
import { CeremonyError } from '../errors.js';
import type { MemberAnnouncement } from './member-announcement.js';
import { verifyKnowledge } from './schnorr-proof.js';

/** Throws {@link CeremonyError} unless the announcement has k commitments with valid proofs. */
export function verifyAnnouncement(a: MemberAnnouncement, parameters: ElectionParameters, parametersHash: Uint8Array): void {
  if (!Number.isInteger(a.index) || a.index < 1 || a.index > parameters.memberCount) throw new CeremonyError(`member index ${a.index} is out of range`);
  if (a.commitments.length !== parameters.threshold || a.proofs.length !== parameters.threshold) {
    throw new CeremonyError(`member ${a.index}: expected ${parameters.threshold} commitments and proofs`);
  }
  a.commitments.forEach((K, j) => {
    if (K.is0()) throw new CeremonyError(`member ${a.index}: commitment ${j} is the identity`);
    if (!verifyKnowledge(K, a.proofs[j]!, { parametersHash, memberIndex: a.index, coefficientIndex: j })) {
      throw new CeremonyError(`member ${a.index}: the proof of knowledge of coefficient ${j} does not verify`);
    }
  });
}

/** Throws unless there is exactly one valid announcement for each member 1..n, in order. */
export function verifyAnnouncements(all: readonly MemberAnnouncement[], parameters: ElectionParameters, parametersHash: Uint8Array): void {
  if (all.length !== parameters.memberCount) throw new CeremonyError(`expected ${parameters.memberCount} announcements, got ${all.length}`);
  all.forEach((a, i) => {
    if (a.index !== i + 1) throw new CeremonyError(`announcement ${i} is for member ${a.index}, expected ${i + 1}`);
    verifyAnnouncement(a, parameters, parametersHash);
  });
}
