import { ciphertextsEqual, encrypt } from '../elgamal/ciphertext.js';
import type { ElectionContext } from '../election/election-context.js';
import { InvalidProofError } from '../errors.js';
import type { Scalar } from '../group/scalar.js';
import { ballotHash } from './ballot-hash.js';
import type { EncryptedBallot } from './encrypted-ballot.js';
import type { EncryptedBallotResult } from './encrypt-ballot.js';
import { validateSelections } from './validate-selections.js';

/** A ballot the voter chose to audit instead of casting (Benaloh challenge). It is never counted. */
export interface ChallengedBallot {
  readonly ballot: EncryptedBallot;
  readonly ballotHash: Uint8Array;
  readonly selections: readonly (readonly number[])[];
  readonly nonces: readonly (readonly Scalar[])[];
}

/**
 * Spoils a ballot by revealing its nonces and marks. The device must then encrypt afresh; the
 * server must refuse to cast this ballot (see {@link BulletinBoard.spoil}).
 */
export function challengeBallot(result: EncryptedBallotResult): ChallengedBallot {
  return { ballot: result.ballot, ballotHash: result.ballotHash, selections: result.secrets.selections, nonces: result.secrets.nonces };
}

/**
 * Checks a challenged ballot on a second device: re-encrypts every mark with the revealed nonce
 * and compares with the published ciphertexts. Returns the marks the first device really
 * encrypted, for the voter to compare with what they chose; throws if anything differs.
 */
export function verifyChallengedBallot(context: ElectionContext, c: ChallengedBallot): readonly (readonly number[])[] {
  validateSelections(context.manifest, c.selections);
  c.ballot.contests.forEach((contest, ci) =>
    contest.selections.forEach((s, oi) => {
      const nonce = c.nonces[ci]?.[oi];
      if (nonce === undefined || !ciphertextsEqual(encrypt(c.selections[ci]![oi]!, nonce, context.publicKey), s.ciphertext)) {
        throw new InvalidProofError(`challenged ballot: contest ${ci}, option ${oi} does not encrypt the revealed mark`);
      }
    }),
  );
  const hash = ballotHash(context.baseHash, c.ballot);
  if (hash.some((b, i) => b !== c.ballotHash[i])) throw new InvalidProofError('challenged ballot: the ballot hash does not match');
  return c.selections;
}
