import type { ElectionManifest } from '../election/manifest.js';
import { InvalidInputError } from '../errors.js';
import type { EncryptedBallot } from './encrypted-ballot.js';

/** Throws unless the ballot has exactly one ciphertext per option of every contest. */
export function checkBallotShape(manifest: ElectionManifest, ballot: EncryptedBallot): void {
  if (ballot.voterBinding.length === 0 || ballot.voterBinding.length > 64) {
    throw new InvalidInputError(`ballot: voter binding must be 1 to 64 bytes, got ${ballot.voterBinding.length}`);
  }
  if (ballot.contests.length !== manifest.contests.length) {
    throw new InvalidInputError(`ballot: ${ballot.contests.length} contests, the manifest has ${manifest.contests.length}`);
  }
  ballot.contests.forEach((c, i) => {
    const expected = manifest.contests[i]!.options.length;
    if (c.selections.length !== expected) throw new InvalidInputError(`ballot: contest ${i} has ${c.selections.length} selections, expected ${expected}`);
  });
}
