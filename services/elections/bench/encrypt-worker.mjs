// A worker thread that encrypts ballots as voters' phones would (the cost is the phone's, not the server's).
import { parentPort, workerData } from 'node:worker_threads';
import { ballotToJson, encryptBallot, fromBase64url } from '@konsey/ballot-crypto';
import { contextFromPublished } from './published-context.mjs';

const context = contextFromPublished(workerData.published);
parentPort.on('message', ({ jobs }) => {
  const ballots = jobs.map(({ voterBinding, marks }) => {
    const { ballot, trackingCode } = encryptBallot({
      context,
      voterBinding: fromBase64url(voterBinding),
      selections: [marks],
    });
    return { ballot: ballotToJson(ballot), trackingCode };
  });
  parentPort.postMessage(ballots);
});
