import { InvalidInputError } from '../errors.js';

/** The shape of a contest: one choice, a block of up to N marks, or a yes/no/abstain motion. */
export type ContestKind = 'single-choice' | 'block' | 'yes-no-abstain';

/** One contest (a seat, a list vote or a motion) and its selection limits. */
export interface ContestManifest {
  readonly id: string;
  readonly title: string;
  readonly kind: ContestKind;
  /** Option labels (candidates, or "yes", "no", "abstain"). */
  readonly options: readonly string[];
  /** Minimum number of marks; 0 allows a blank ballot. */
  readonly minSelections: number;
  /** Maximum number of marks. */
  readonly maxSelections: number;
}

/** What is voted on. Hashed into every proof through the parameters hash. */
export interface ElectionManifest {
  readonly electionId: string;
  readonly title: string;
  readonly contests: readonly ContestManifest[];
}

/** Throws {@link InvalidInputError} if the manifest is not well formed. */
export function validateManifest(m: ElectionManifest): void {
  if (!m.electionId) throw new InvalidInputError('manifest: electionId is empty');
  if (m.contests.length === 0) throw new InvalidInputError('manifest: no contests');
  m.contests.forEach((c, i) => {
    const where = `manifest: contest ${i} (${c.id})`;
    if (c.options.length === 0 || c.options.length > 1000) throw new InvalidInputError(`${where}: needs 1 to 1000 options`);
    if (!Number.isInteger(c.minSelections) || !Number.isInteger(c.maxSelections)) throw new InvalidInputError(`${where}: limits must be integers`);
    if (c.minSelections < 0 || c.minSelections > c.maxSelections || c.maxSelections > c.options.length) {
      throw new InvalidInputError(`${where}: need 0 ≤ min (${c.minSelections}) ≤ max (${c.maxSelections}) ≤ options (${c.options.length})`);
    }
    if (c.kind === 'single-choice' && c.maxSelections !== 1) throw new InvalidInputError(`${where}: a single-choice contest has maxSelections 1`);
    if (c.kind === 'yes-no-abstain' && (c.options.length !== 3 || c.maxSelections !== 1)) {
      throw new InvalidInputError(`${where}: a yes-no-abstain contest has 3 options and maxSelections 1`);
    }
  });
}
