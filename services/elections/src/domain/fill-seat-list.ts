import type { Displacement } from './allocation-result.js';
import type { ParitySetting } from './election-settings.js';
import { findDisplacements } from './find-displacements.js';
import { type ListFill, type ListFillOptions } from './list-fill.js';
import { minShareOrder } from './min-share-order.js';
import { voteOrder } from './vote-order.js';
import { zipperOrder } from './zipper-order.js';

/** One list filled under the parity setting, with every displacement it caused. */
export function fillSeatList(
  options: ListFillOptions & { parity: ParitySetting },
): ListFill & { displacements: Displacement[] } {
  const { parity } = options;
  const fill =
    parity === 'zipper'
      ? zipperOrder(options)
      : parity === 'none'
        ? voteOrder(options)
        : minShareOrder({ ...options, minShare: parity.minShare });
  const displacements =
    parity === 'none'
      ? []
      : findDisplacements({
          pool: options.pool,
          placements: fill.placements,
          seat: options.seat,
          code: parity === 'zipper' ? 'parity-zipper' : 'parity-min-share',
        });
  return { ...fill, displacements };
}
