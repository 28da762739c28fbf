/**
 * @konsey/ballot-crypto — verifiable secret ballots with committee (threshold) decryption.
 * This entry point is safe for browsers and Node (no Node-only imports).
 * @packageDocumentation
 */
export * from './errors.js';
export { toBase64url, fromBase64url } from './encoding/base64url.js';
export { toHex, fromHex, bytesEqual, utf8 } from './encoding/bytes.js';
export { TAGS } from './encoding/domain-tags.js';
export { Transcript } from './encoding/transcript.js';
export { ORDER, decodeScalar, encodeScalar, type Scalar } from './group/scalar.js';
export { G, IDENTITY, decodePoint, decodePoints, encodePoint, encodePoints, type Point, type DecodePointOptions, type EncodePointOptions } from './group/point.js';
export { systemRandom, seededRandom, randomScalar, type RandomSource } from './group/random.js';
export { encrypt, addCiphertexts, type Ciphertext } from './elgamal/ciphertext.js';
export type { RangeProof, BranchCommitment } from './proofs/range-proof.js';
export type { ProofBinding } from './proofs/proof-binding.js';
export type { ChaumPedersenProof } from './proofs/chaum-pedersen-proof.js';
export { validateManifest, type ElectionManifest, type ContestManifest, type ContestKind } from './election/manifest.js';
export { validateParameters, type ElectionParameters } from './election/parameters.js';
export { parametersHash } from './election/parameters-hash.js';
export { createElectionContext, type ElectionContext, type ElectionContextOptions } from './election/election-context.js';
export type { EncryptedBallot, EncryptedContest, EncryptedSelection, BallotSecrets } from './ballot/encrypted-ballot.js';
export { encryptBallot, type EncryptBallotOptions, type EncryptedBallotResult } from './ballot/encrypt-ballot.js';
export { verifyBallot, verifyBallots, type VerifyBallotsOptions } from './ballot/verify-ballot.js';
export { ballotHash } from './ballot/ballot-hash.js';
export { ballotHashOfJson } from './ballot/ballot-json-hash.js';
export { trackingCode } from './ballot/tracking-code.js';
export { createCommitteeMember, announce, type CommitteeMember, type CreateCommitteeMemberOptions } from './ceremony/committee-member.js';
export type { MemberAnnouncement } from './ceremony/member-announcement.js';
export { verifyAnnouncement, verifyAnnouncements } from './ceremony/verify-announcement.js';
export { sealShares } from './ceremony/seal-shares.js';
export type { ShareEnvelope } from './ceremony/share-envelope.js';
export { finishCeremony } from './ceremony/finish-ceremony.js';
export type { TrusteeKey } from './ceremony/trustee-key.js';
export { keyFingerprint } from './ceremony/key-fingerprint.js';
export { verificationKey } from './ceremony/verification-key.js';
export { sign, verifySignature, type Signature } from './ceremony/schnorr-signature.js';
export { runKeyCeremony, type RunKeyCeremonyOptions, type KeyCeremonyResult } from './ceremony/run-key-ceremony.js';
export { TallyAccumulator, type EncryptedTally } from './tally/tally-accumulator.js';
export type { PartialDecryption, DecryptionShare } from './tally/partial-decryption.js';
export { partiallyDecrypt } from './tally/partially-decrypt.js';
export { verifyPartialDecryption, verifyPartialDecryptions } from './tally/verify-partial-decryption.js';
export { combineDecryptions, type CombineDecryptionsOptions } from './tally/combine-decryptions.js';
export { DiscreteLogSolver } from './tally/discrete-log.js';
export { BulletinBoard, type BoardEntry } from './record/bulletin-board.js';
export { buildElectionRecord, type BuildElectionRecordOptions } from './record/build-record.js';
export { assembleElectionRecord, recordResultHash, type ElectionRecordParts, type MemberSignature } from './record/assemble-record.js';
export { countedBallots } from './record/counted-ballots.js';
export { ballotToJson, ballotFromJson, boardEntryToJson } from './record/json-codec.js';
export type * from './record/record-types.js';
export { boardEntryHash } from './record/board-chain.js';
export { resultHash } from './record/result-hash.js';
export { verifyElectionRecord, type VerifyRecordOptions, type VerificationReport, type BallotChecker } from './verifier/verify-record.js';
export type { RecordCheck } from './verifier/verification-failure.js';
export { challengeBallot, verifyChallengedBallot, type ChallengedBallot } from './ballot/challenge-ballot.js';
