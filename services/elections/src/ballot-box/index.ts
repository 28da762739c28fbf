// The ballot box of the elections service: key ceremony, voter credentials, casting, verification, the
// board, tally and record. How it is wired into the service and the lifecycle: README.md, "Wiring".
import type { AnyRoute } from '@konsey/service-kit';
import './ballot-box-errors.js';
import { createBallotBox, type BallotBoxDeps } from './routes.js';

export { ballotBoxErrors } from './ballot-box-errors.js';
export { assertBallotBoxReady, ceremonyComplete } from './ceremony.js';
export { ballotBoardRouter, type BoardStreamOptions } from './board-stream.js';
export { createBallotBox, type BallotBoxDeps, type BallotBoxRoutes } from './routes.js';
export { decryptedTotals, encryptedTotals } from './tally.js';
export {
  BALLOT_VERIFICATION_QUEUE,
  reconcileReceived,
  startBallotVerification,
  verifyBallotBatch,
  type BallotVerification,
  type BallotVerificationOptions,
} from './verification.js';

/** The ballot box's HTTP routes (ceremony, credentials, casting). */
export function ballotBoxRoutes(deps: BallotBoxDeps, now: () => Date = () => new Date()): AnyRoute[] {
  return createBallotBox(deps, now).routes;
}
export { closeDueVoting, setClosingTime, startScheduledClosing } from './scheduled-close.js';
export { draftRecord, publishedRecord, signResult } from './record.js';
export { appendPendingToBoard, drainToBoard, startBoardSweep, BoardSequencer } from './board-sequencer.js';
