import type { CandidateTotal } from './candidate-total.js';

/** Runs of two or more candidates with equal votes in a ranked list, as [start, end) index pairs. */
export function tieGroups(ranked: readonly CandidateTotal[]): { start: number; end: number }[] {
  const groups: { start: number; end: number }[] = [];
  let start = 0;
  for (let index = 1; index <= ranked.length; index += 1) {
    if (index < ranked.length && ranked[index]!.votes === ranked[start]!.votes) continue;
    if (index - start >= 2) groups.push({ start, end: index });
    start = index;
  }
  return groups;
}

/**
 * The orders tried to see whether a tie matters: every permutation for up to five tied candidates;
 * for larger groups, every rotation and every rotation of the reversed order (2n orders).
 */
export function alternativeOrders<T>(group: readonly T[]): T[][] {
  if (group.length <= 5) return permutations(group);
  const reversed = [...group].reverse();
  return [group, reversed].flatMap((base) =>
    base.map((_, shift) => [...base.slice(shift), ...base.slice(0, shift)]),
  );
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}
