import type { ElectionParameters } from '../election/parameters.js';
import { InvalidInputError } from '../errors.js';
import { mulBase } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import { randomScalar, systemRandom, type RandomSource } from '../group/random.js';
import type { Scalar } from '../group/scalar.js';
import type { MemberAnnouncement } from './member-announcement.js';
import { randomPolynomial } from './polynomial.js';
import { proveKnowledge } from './schnorr-proof.js';

/** A committee member's private state during the ceremony. Never leaves the member's device. */
export interface CommitteeMember {
  readonly index: number;
  readonly parameters: ElectionParameters;
  readonly parametersHash: Uint8Array;
  readonly coefficients: readonly Scalar[];
  readonly authSecretKey: Scalar;
  readonly authPublicKey: Point;
  readonly random: RandomSource;
}

/** Options of {@link createCommitteeMember}. */
export interface CreateCommitteeMemberOptions {
  /** 1..n. */
  readonly index: number;
  readonly parameters: ElectionParameters;
  readonly parametersHash: Uint8Array;
  readonly random?: RandomSource;
}

/** Generates a member's polynomial of degree k−1 and long-term key. */
export function createCommitteeMember(o: CreateCommitteeMemberOptions): CommitteeMember {
  if (!Number.isInteger(o.index) || o.index < 1 || o.index > o.parameters.memberCount) {
    throw new InvalidInputError(`member index must be in 1..${o.parameters.memberCount}, got ${o.index}`);
  }
  const random = o.random ?? systemRandom;
  const authSecretKey = randomScalar(random);
  return {
    index: o.index,
    parameters: o.parameters,
    parametersHash: o.parametersHash,
    coefficients: randomPolynomial(o.parameters.threshold, random),
    authSecretKey,
    authPublicKey: mulBase(authSecretKey),
    random,
  };
}

/** Round 1: commitments to the coefficients, each with a Schnorr proof of knowledge. */
export function announce(member: CommitteeMember): MemberAnnouncement {
  const commitments = member.coefficients.map(mulBase);
  const proofs = member.coefficients.map((a, j) =>
    proveKnowledge(a, commitments[j]!, { parametersHash: member.parametersHash, memberIndex: member.index, coefficientIndex: j }, member.random),
  );
  return { index: member.index, authPublicKey: member.authPublicKey, commitments, proofs };
}
