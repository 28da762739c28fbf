import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import type { RangeProof } from '../proofs/range-proof.js';
import type { EncryptedBallot } from './encrypted-ballot.js';

function appendProof(t: Transcript, p: RangeProof): void {
  t.number(p.commitments.length);
  p.commitments.forEach((c, i) => t.point(c.a).point(c.b).scalar(p.challenges[i]!).scalar(p.responses[i]!));
}

/** Hash of the complete cast ballot (ciphertexts and proofs), bound to the election. */
export function ballotHash(electionBaseHash: Uint8Array, ballot: EncryptedBallot): Uint8Array {
  const t = new Transcript(TAGS.ballotHash).bytes(electionBaseHash).bytes(ballot.voterBinding).number(ballot.contests.length);
  for (const contest of ballot.contests) {
    t.number(contest.selections.length);
    for (const s of contest.selections) {
      t.point(s.ciphertext.alpha).point(s.ciphertext.beta);
      appendProof(t, s.proof);
    }
    appendProof(t, contest.proof);
  }
  return t.hash32();
}
