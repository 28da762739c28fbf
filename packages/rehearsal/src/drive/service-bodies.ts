import { GENERAL_ASSEMBLY } from '../scenario/scenario-types.js';
import type { CouncilContext } from './council-context.js';

/** The executive board exists once per council; the rehearsal refers to it by this ref internally. */
export const EXECUTIVE_BOARD = 'executive-board';

/**
 * The body an office belongs to in the services: the General Assembly elects the Executive Board, but
 * the office (and its term limit) is the executive board's; every other office belongs to the body named.
 */
export function serviceBodyId(context: CouncilContext, office: string, bodyRef: string): string {
  const ref = office === 'executive-board' && bodyRef === GENERAL_ASSEMBLY ? EXECUTIVE_BOARD : bodyRef;
  const id = context.bodyIds.get(ref);
  if (!id) throw new Error(`kurul yok / no body: ${ref}`);
  return id;
}
