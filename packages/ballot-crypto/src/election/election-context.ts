import { InvalidInputError } from '../errors.js';
import type { Point } from '../group/point.js';
import { precomputeBase } from '../group/multiply.js';
import { baseHash } from './base-hash.js';
import type { ElectionManifest } from './manifest.js';
import type { ElectionParameters } from './parameters.js';
import { parametersHash } from './parameters-hash.js';

/** Everything a device or verifier needs to encrypt and check ballots of one election. */
export interface ElectionContext {
  readonly manifest: ElectionManifest;
  readonly parameters: ElectionParameters;
  readonly parametersHash: Uint8Array;
  readonly baseHash: Uint8Array;
  /** The joint public key h (with a precomputed window table). */
  readonly publicKey: Point;
  /** Coefficient commitments of members 1..n (from the key ceremony). */
  readonly commitments: readonly (readonly Point[])[];
}

/** Options of {@link createElectionContext}. */
export interface ElectionContextOptions {
  readonly manifest: ElectionManifest;
  readonly parameters: ElectionParameters;
  readonly commitments: readonly (readonly Point[])[];
}

/** Builds the context; the joint key is the product of the members' constant-term commitments. */
export function createElectionContext(o: ElectionContextOptions): ElectionContext {
  const ph = parametersHash(o.manifest, o.parameters);
  const { threshold, memberCount } = o.parameters;
  if (o.commitments.length !== memberCount || o.commitments.some((c) => c.length !== threshold)) {
    throw new InvalidInputError(`context: expected ${memberCount} members with ${threshold} commitments each`);
  }
  const publicKey = precomputeBase(o.commitments.map((c) => c[0]!).reduce((a, b) => a.add(b)));
  return {
    manifest: o.manifest,
    parameters: o.parameters,
    parametersHash: ph,
    baseHash: baseHash(ph, publicKey, o.commitments),
    publicKey,
    commitments: o.commitments,
  };
}
