// From "close voting" to plaintext totals: the tally becomes readable once no ballot awaits verification,
// two of the three committee members decrypt with the committee CLI's code, and the totals are combined.
import { decrypt } from '../dist/ballot-box/cli/committee-commands.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function closeToTotals({ call, step, electionId, staff, committee }) {
  const start = performance.now();
  await step('close-voting');
  const closed = performance.now();
  for (;;) {
    const tally = await call('GET', `/v1/elections/${electionId}/ballot-box/tally`, { token: staff });
    if (tally.status === 200) break;
    if (tally.status !== 409) throw new Error(`tally: ${tally.status} ${tally.text}`);
    await sleep(20);
  }
  const tallyReady = performance.now();
  await decrypt(committee[0]);
  await decrypt(committee[2]);
  const totals = await call('GET', `/v1/elections/${electionId}/ballot-box/totals`, { token: staff });
  if (totals.status !== 200) throw new Error(`totals: ${totals.status} ${totals.text}`);
  const done = performance.now();
  return {
    closeMs: closed - start,
    tallyReadyMs: tallyReady - start,
    totalsReadyMs: done - start,
    totals: totals.body.totals[0],
    ballotCount: totals.body.ballotCount,
  };
}
