import type { ElectionManifest } from '../election/manifest.js';
import { InvalidInputError } from '../errors.js';

/** Throws unless `selections` has one 0/1 mark per option and respects every contest's limits. */
export function validateSelections(manifest: ElectionManifest, selections: readonly (readonly number[])[]): void {
  if (selections.length !== manifest.contests.length) {
    throw new InvalidInputError(`ballot has ${selections.length} contests, the manifest ${manifest.contests.length}`);
  }
  manifest.contests.forEach((c, i) => {
    const marks = selections[i]!;
    if (marks.length !== c.options.length) throw new InvalidInputError(`contest ${i}: ${marks.length} marks for ${c.options.length} options`);
    marks.forEach((m, j) => {
      if (m !== 0 && m !== 1) throw new InvalidInputError(`contest ${i}, option ${j}: a mark must be 0 or 1, got ${m}`);
    });
    const count = marks.reduce((a, b) => a + b, 0);
    if (count < c.minSelections || count > c.maxSelections) {
      throw new InvalidInputError(`contest ${i}: ${count} marks, allowed ${c.minSelections} to ${c.maxSelections}`);
    }
  });
}
