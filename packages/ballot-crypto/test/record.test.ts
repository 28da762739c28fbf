import { describe, expect, it } from '@jest/globals';
import { RecordVerificationError } from '../src/errors.js';
import { verifyElectionRecord } from '../src/verifier/verify-record.js';
import { buildFixture, clone, countVotes } from './fixture.js';
import { MANIFEST } from './helpers.js';

const VOTES = [
  [[1, 0, 0], [1, 1, 0, 0], [1, 0, 0]],
  [[0, 1, 0], [0, 1, 0, 1], [0, 1, 0]],
  [[0, 1, 0], [0, 0, 0, 0], [0, 0, 1]],
];

describe('election record', () => {
  const fx = buildFixture(VOTES, { present: [1, 3] });

  it('verifies, with the plaintext totals', async () => {
    expect(fx.totals).toEqual(countVotes(MANIFEST, VOTES));
    const report = await verifyElectionRecord(fx.record);
    expect(report.totals).toEqual(fx.totals);
    expect(report.ballots).toBe(3);
  });

  it('is plain JSON that survives a round trip', async () => {
    await expect(verifyElectionRecord(clone(fx.record))).resolves.toBeDefined();
  });

  it('rejects a record that is not version 1', async () => {
    const r = { ...clone(fx.record), version: 2 } as unknown as typeof fx.record;
    await expect(verifyElectionRecord(r)).rejects.toMatchObject({ code: 'format' });
  });

  it('names the failed check with a stable code', async () => {
    const r = clone(fx.record);
    (r.tally.totals as number[][])[0]![0] = 2;
    const error = await verifyElectionRecord(r).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordVerificationError);
    expect(error).toMatchObject({ code: 'total', message: expect.stringContaining('contest 0, option 0') });
  });
});
