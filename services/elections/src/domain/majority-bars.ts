/** The smallest whole number of votes that is at least two-thirds of `base`: ⌈2·base/3⌉, in integers. */
export function twoThirdsBar(base: number): number {
  return Math.floor((2 * base + 2) / 3);
}

/** The smallest whole number that is more than half of `base` (salt çoğunluk, "half plus one"): ⌊base/2⌋ + 1. */
export function absoluteMajorityBar(base: number): number {
  return Math.floor(base / 2) + 1;
}
