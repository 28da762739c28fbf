/**
 * Every failure raised by this package is a {@link BallotCryptoError}: a stable machine `code`
 * (safe to switch on, never reworded) and a precise human `message`.
 */
export class BallotCryptoError extends Error {
  /** Stable machine-readable code, e.g. `invalid-proof`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A byte string that is not the canonical encoding of a group element or scalar. */
export class InvalidEncodingError extends BallotCryptoError {
  constructor(code: 'non-canonical-point' | 'non-canonical-scalar' | 'bad-length' | 'bad-base64url', message: string) {
    super(code, message);
  }
}

/** The identity element where the protocol forbids it. */
export class IdentityPointError extends BallotCryptoError {
  constructor(where: string) {
    super('identity-point', `${where} is the identity element, which is not allowed here`);
  }
}

/** A zero-knowledge proof or signature does not verify. */
export class InvalidProofError extends BallotCryptoError {
  constructor(message: string) {
    super('invalid-proof', message);
  }
}

/** Input that violates the election's rules or this package's API contract. */
export class InvalidInputError extends BallotCryptoError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

/** A key-ceremony message that fails its checks (share not matching commitments, bad signature...). */
export class CeremonyError extends BallotCryptoError {
  constructor(message: string) {
    super('ceremony-failure', message);
  }
}

/** A tally step that cannot complete (too few trustees, total out of range...). */
export class TallyError extends BallotCryptoError {
  constructor(code: 'not-enough-trustees' | 'total-out-of-range' | 'wrong-total', message: string) {
    super(code, message);
  }
}

/** An election record that does not verify; `code` names the failed check. */
export class RecordVerificationError extends BallotCryptoError {}
