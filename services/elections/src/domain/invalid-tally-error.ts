/**
 * Input that no real count can produce (a duplicate candidate, negative votes, more votes than ballots).
 * It is a programming or data error, not a domain outcome, so it is thrown rather than returned.
 */
export class InvalidTallyError extends Error {
  override readonly name = 'InvalidTallyError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
