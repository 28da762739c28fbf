import { fromBase64url } from '../encoding/base64url.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { InvalidInputError } from '../errors.js';
import type { BallotJson, RangeProofJson } from '../record/record-types.js';

function appendProof(t: Transcript, p: RangeProofJson, where: string): void {
  if (p.challenges.length !== p.commitments.length || p.responses.length !== p.commitments.length)
    throw new InvalidInputError(`${where}: as many challenges and responses as commitments are needed`);
  t.number(p.commitments.length);
  p.commitments.forEach((c, i) =>
    t.pointBase64(c.a).pointBase64(c.b).scalarBase64(p.challenges[i]!).scalarBase64(p.responses[i]!),
  );
}

/**
 * {@link ballotHash} of a ballot still in its wire form, without decoding a single point: what a ballot
 * box computes when it takes a ballot in (a fraction of a millisecond) and leaves the strict decoding
 * and the proofs to its verification workers. Equal to `ballotHash(base, ballotFromJson(json))` for
 * every ballot that decodes; a ballot whose points do not decode gets a hash too, and is refused later.
 * Throws on a byte string of the wrong length or alphabet.
 */
export function ballotHashOfJson(electionBaseHash: Uint8Array, ballot: BallotJson): Uint8Array {
  const t = new Transcript(TAGS.ballotHash)
    .bytes(electionBaseHash)
    .bytes(fromBase64url(ballot.voterBinding))
    .number(ballot.contests.length);
  ballot.contests.forEach((contest, ci) => {
    t.number(contest.selections.length);
    contest.selections.forEach((s, si) => {
      t.pointBase64(s.alpha).pointBase64(s.beta);
      appendProof(t, s.proof, `contests[${ci}].selections[${si}].proof`);
    });
    appendProof(t, contest.proof, `contests[${ci}].proof`);
  });
  return t.hash32();
}
