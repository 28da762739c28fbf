import { RecordVerificationError } from '../errors.js';

/** Stable codes of the checks `konsey-verify` performs, in the order it performs them. */
export type RecordCheck =
  | 'format'
  | 'parameters-hash'
  | 'ceremony-proof'
  | 'joint-key'
  | 'base-hash'
  | 'board-chain'
  | 'tracking-code'
  | 'ballot-encoding'
  | 'ballot-proof'
  | 'refusal'
  | 'supersession'
  | 'duplicate-voter'
  | 'aggregate'
  | 'partial-decryption'
  | 'total'
  | 'result-hash'
  | 'signature';

/** Throws the {@link RecordVerificationError} for a failed check. */
export function fail(check: RecordCheck, message: string): never {
  throw new RecordVerificationError(check, message);
}

/** Runs `f`, turning any decoding error into a failure of `check` that keeps its reason. */
export function guard<T>(check: RecordCheck, where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RecordVerificationError) throw e;
    const code = (e as { code?: string }).code;
    return fail(check, `${where}: ${(e as Error).message}${code ? ` (${code})` : ''}`);
  }
}
