/**
 * Domain-separation tags. Each hash use in the protocol begins with exactly one of these, so a
 * value hashed for one purpose can never be replayed as another. Changing any tag is a breaking
 * change of the record format.
 */
export const TAGS = {
  parametersHash: 'konsey/ballot-crypto/v1/parameters-hash',
  baseHash: 'konsey/ballot-crypto/v1/base-hash',
  selectionProof: 'konsey/ballot-crypto/v1/selection-proof',
  contestProof: 'konsey/ballot-crypto/v1/contest-range-proof',
  coefficientProof: 'konsey/ballot-crypto/v1/coefficient-proof',
  decryptionProof: 'konsey/ballot-crypto/v1/partial-decryption-proof',
  signature: 'konsey/ballot-crypto/v1/signature',
  shareKey: 'konsey/ballot-crypto/v1/share-encryption-key',
  shareEnvelope: 'konsey/ballot-crypto/v1/share-envelope',
  ballotHash: 'konsey/ballot-crypto/v1/ballot-hash',
  boardEntry: 'konsey/ballot-crypto/v1/board-entry',
  fingerprint: 'konsey/ballot-crypto/v1/key-fingerprint',
  result: 'konsey/ballot-crypto/v1/result',
  batchWeights: 'konsey/ballot-crypto/v1/batch-weights',
} as const;
