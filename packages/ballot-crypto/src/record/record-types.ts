/**
 * The election record, version 1: the JSON document anyone can check with `konsey-verify`.
 * Binary fields are unpadded base64url: points and scalars 32 bytes (canonical encodings), hashes
 * 32 bytes. The JSON Schema is `schema/election-record.v1.schema.json`; the format is described in
 * `RECORD.md`.
 */
import type { ElectionManifest } from '../election/manifest.js';
import type { ElectionParameters } from '../election/parameters.js';

export type B64 = string;

export interface RangeProofJson {
  readonly commitments: readonly { readonly a: B64; readonly b: B64 }[];
  readonly challenges: readonly B64[];
  readonly responses: readonly B64[];
}

export interface CiphertextJson {
  readonly alpha: B64;
  readonly beta: B64;
}

export interface BallotJson {
  readonly voterBinding: B64;
  readonly contests: readonly {
    readonly selections: readonly (CiphertextJson & { readonly proof: RangeProofJson })[];
    readonly proof: RangeProofJson;
  }[];
}

export interface SchnorrJson {
  readonly commitment: B64;
  readonly response: B64;
}

export interface MemberJson {
  readonly index: number;
  readonly authPublicKey: B64;
  readonly commitments: readonly B64[];
  readonly proofs: readonly SchnorrJson[];
}

/**
 * What became of a ballot on the board. `counted`: in the aggregate (the default when absent).
 * `refused`: its proofs failed, the voter may cast again. `superseded`: valid, but replaced by a
 * later counted ballot of the same voter ("last ballot counts").
 */
export type BoardStatus = 'counted' | 'refused' | 'superseded';

export interface BoardEntryJson {
  readonly position: number;
  /** Absent means `counted`; writers omit it for counted entries. */
  readonly status?: BoardStatus;
  readonly ballot: BallotJson;
  readonly ballotHash: B64;
  readonly trackingCode: string;
  readonly previousHash: B64;
  readonly entryHash: B64;
}

export interface PartialDecryptionJson {
  readonly memberIndex: number;
  readonly shares: readonly (readonly { readonly share: B64; readonly proof: { readonly a: B64; readonly b: B64; readonly response: B64 } }[])[];
}

export interface ElectionRecordJson {
  readonly format: 'konsey-election-record';
  readonly version: 1;
  readonly manifest: ElectionManifest;
  readonly parameters: ElectionParameters;
  readonly ceremony: {
    readonly parametersHash: B64;
    readonly members: readonly MemberJson[];
    readonly jointKey: B64;
    readonly baseHash: B64;
    readonly fingerprint: string;
  };
  readonly board: readonly BoardEntryJson[];
  readonly boardHead: B64;
  readonly tally: {
    /** Number of counted board entries. */
    readonly ballotCount: number;
    /** Per contest and option: the product of the counted entries' ciphertexts. */
    readonly aggregate: readonly (readonly CiphertextJson[])[];
    readonly partialDecryptions: readonly PartialDecryptionJson[];
    readonly totals: readonly (readonly number[])[];
  };
  readonly resultHash: B64;
  readonly signatures: readonly { readonly memberIndex: number; readonly signature: SchnorrJson }[];
}
