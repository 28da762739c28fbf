import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyElectionRecord, type ElectionRecordJson } from '@konsey/ballot-crypto';
import express from 'express';
import { draftRecord, publishedRecord } from '../src/ballot-box/index.js';
import {
  fetchRecordPage,
  streamPublishedRecord,
  type RecordPageFetcher,
  type RecordPageQuery,
} from '../src/ballot-box/record-stream.js';
import { electionWithFrozenRoll } from './ballot-box-setup.js';
import { startBallotBoxHarness, type BallotBoxHarness } from './ballot-box-harness.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const konseyVerify = fileURLToPath(
  new URL('../../../packages/ballot-crypto/dist/cli/konsey-verify.js', import.meta.url),
);

/**
 * The record streamed by a bare app (page size and page reader injected), read as a client would; the
 * body is null when the response was cut.
 */
async function streamed(
  h: BallotBoxHarness,
  electionId: string,
  options: Parameters<typeof streamPublishedRecord>[4],
): Promise<{ status: number; type: string | null; text: string | null }> {
  const app = express();
  app.get('/record', async (_req, res) => {
    await streamPublishedRecord(h.env.prisma, res, electionId, 1, options);
    res.status(200).end(); // as service-kit's route handler does after a handler without a body
  });
  const server = app.listen(0);
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/record`);
    const text = await response.text().catch(() => null);
    return { status: response.status, type: response.headers.get('content-type'), text };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Runs the independent verifier's CLI over a record written to a file, as anyone would. */
async function runVerifier(record: unknown): Promise<{ status: number | null; output: string }> {
  const file = join(await mkdtemp(join(tmpdir(), 'konsey-record-')), 'record.json');
  await writeFile(file, JSON.stringify(record));
  const run = spawnSync(process.execPath, [konseyVerify, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('ballot box record: signed by k of the committee, published, checked by konsey-verify', () => {
  let h: BallotBoxHarness;
  let electionId: string;
  const committee: string[] = [];
  const candidates: string[] = [];
  const voters: string[] = [];
  const recordPath = () => `/v1/elections/${electionId}/rounds/1/ballot-record`;

  beforeAll(async () => {
    h = await startBallotBoxHarness('ballot_box_record');
    const bodyId = await h.body('executive-board', 'Yürütme Kurulu');
    for (const name of ['Ayşe', 'Zeynep', 'Ebru']) candidates.push(await h.member(name));
    candidates.sort();
    for (const name of ['Barış', 'Tolga', 'Oğuz']) committee.push(await h.member(name, 'male'));
    committee.sort();
    for (const name of ['Ümit', 'Çağrı', 'Nur', 'Deniz']) voters.push(await h.member(name));
    electionId = await electionWithFrozenRoll({
      call: h.call,
      staff: h.staff,
      bodyId,
      committee,
      candidates,
    });
    const rule = await h.call('PUT', `/v1/elections/${electionId}/ballot-box`, {
      token: (await h.cli(electionId, committee[0]!)).token,
      body: { recast: 'last-counts' },
    });
    expect(rule.status).toBe(200);
    await h.ceremony(electionId, committee);
    await h.step(electionId, 'open-voting');

    // A voter changes their mind (the first ballot is superseded), another's phone sends a ballot whose
    // proofs were swapped (refused; they cast again), one votes blank.
    await h.cast(electionId, voters[0]!, [1, 1, 0]);
    await h.verifyAll(electionId);
    await h.cast(electionId, voters[0]!, [0, 1, 1]);
    const bad = await h.ballotFor(electionId, voters[1]!, [1, 0, 0]);
    const selections = bad.ballot.contests[0].selections;
    [selections[0].proof, selections[1].proof] = [selections[1].proof, selections[0].proof];
    await h.castBody(electionId, voters[1]!, bad);
    await h.verifyAll(electionId);
    await h.cast(electionId, voters[1]!, [1, 0, 0]);
    await h.cast(electionId, voters[2]!, [0, 0, 1]);
    await h.cast(electionId, voters[3]!, [0, 0, 0]);
    await h.step(electionId, 'close-voting');
    expect(await h.verifyAll(electionId)).toMatchObject({ accepted: 3 });
    await h.decrypt(electionId, committee[0]!);
    await h.decrypt(electionId, committee[2]!);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('when fewer than k members have signed, then the record is not published and says how many signed', async () => {
    const early = await h.call('GET', recordPath());
    expect(early).toMatchObject({ status: 409, body: { code: 'ballot-record-not-ready' } });
    expect(early.body.detail).toMatch(/0 of 2/);
    const draft = await h.call('GET', `${recordPath()}/draft`, {
      token: (await h.cli(electionId, committee[1]!)).token,
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ threshold: 2, signedBy: [] });
    expect((await h.call('GET', `${recordPath()}/draft`, { token: h.staff })).status).toBe(403);
  });

  it('when a signature is not over the result, or a member signs twice, then it is refused and nothing is stored', async () => {
    const { token } = await h.cli(electionId, committee[1]!);
    const draft = (await h.call('GET', `${recordPath()}/draft`, { token })).body.record as Json;
    // Another member's valid-looking signature is not this member's.
    const forged = {
      commitment: draft.ceremony.members[0].authPublicKey,
      response: draft.ceremony.members[0].proofs[0].response,
    };
    const refused = await h.call('POST', `${recordPath()}/signatures`, {
      token,
      body: { signature: forged },
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'ballot-signature-invalid' } });
    expect(await h.env.prisma.ballotResultSignature.count({ where: { electionId } })).toBe(0);

    expect(await h.sign(electionId, committee[0]!)).toMatchObject({
      memberIndex: 1,
      signatures: 1,
      published: false,
    });
    await expect(h.sign(electionId, committee[0]!)).rejects.toThrow(/409.*ballot-signature-exists/);
  });

  it('when k members signed, then the public record holds every board entry with its status and passes konsey-verify', async () => {
    expect(await h.sign(electionId, committee[1]!)).toMatchObject({
      memberIndex: 2,
      signatures: 2,
      published: true,
    });
    const published = await h.call('GET', recordPath());
    expect(published.status).toBe(200);
    const record = published.body as ElectionRecordJson;
    expect(record.board.map((entry) => entry.status ?? 'counted')).toEqual([
      'superseded',
      'counted',
      'refused',
      'counted',
      'counted',
      'counted',
    ]);
    expect(record.tally).toMatchObject({ ballotCount: 4, totals: [[1, 1, 2]] });
    expect(record.signatures.map((s) => s.memberIndex)).toEqual([1, 2]);
    // Nothing links a ballot to a member: no member id anywhere in the record.
    for (const id of [...voters, ...committee]) expect(JSON.stringify(record)).not.toContain(id);

    // Streamed page by page, byte for byte what ballot-crypto assembles in memory from the whole board.
    expect(published.type).toBe('application/json; charset=utf-8');
    expect(published.text).toBe(JSON.stringify(await publishedRecord(h.env.prisma, electionId, 1)));
    const member = (await h.cli(electionId, committee[2]!)).token;
    const draft = await h.call('GET', `${recordPath()}/draft`, { token: member });
    expect(draft.status).toBe(200);
    expect(draft.text).toBe(
      JSON.stringify(
        await draftRecord(h.env.prisma, electionId, 1, {
          subject: committee[2]!,
          roles: ['member', 'election-committee'],
        }),
      ),
    );
    expect(draft.body).toMatchObject({ threshold: 2, signedBy: [{ index: 1 }, { index: 2 }] });

    const report = await verifyElectionRecord(record);
    expect(report.totals).toEqual([[1, 1, 2]]);
    const cli = await runVerifier(record);
    expect(cli).toMatchObject({ status: 0 });
    expect(cli.output).toMatch(/^OK /m);
  }, 60_000);

  it('when the board is longer than a page, then it is read in several bounded queries and the record is the same', async () => {
    const pages: RecordPageQuery[] = [];
    const counting: RecordPageFetcher = async (prisma, page) => {
      pages.push(page);
      return fetchRecordPage(prisma, page);
    };
    const answer = await streamed(h, electionId, { pageSize: 4, fetchPage: counting });
    expect(answer).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(answer.text).toBe(JSON.stringify(await publishedRecord(h.env.prisma, electionId, 1)));
    // 6 entries in pages of 4: two keyset queries, none reading more than a page.
    expect(pages.map((p) => [p.after, p.limit])).toEqual([
      [-1, 4],
      [3, 4],
    ]);

    pages.length = 0;
    const inThrees = await streamed(h, electionId, { pageSize: 3, fetchPage: counting });
    expect(inThrees.text).toBe(answer.text);
    expect(pages).toHaveLength(2);
  });

  it('when the stream fails midway, then the response is cut (never a false document) and the failure logged', async () => {
    const logged: unknown[] = [];
    let calls = 0;
    const failing: RecordPageFetcher = async (prisma, page) => {
      if (++calls === 2) throw new Error('connection lost');
      return fetchRecordPage(prisma, page);
    };
    const answer = await streamed(h, electionId, {
      pageSize: 3,
      fetchPage: failing,
      logger: { error: (...args: unknown[]) => logged.push(args) },
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBeNull(); // the body ended without its chunked terminator: the client sees it cut
    expect(logged).toEqual([
      [
        expect.objectContaining({ electionId, round: 1, entriesWritten: 3, entries: 6 }),
        expect.stringMatching(/cut/),
      ],
    ]);

    // A page that is not the board that was signed (an entry missing) is caught before the end too.
    const skipping: RecordPageFetcher = async (prisma, page) =>
      (await fetchRecordPage(prisma, page)).filter((row) => row.position !== 4);
    const skipped = await streamed(h, electionId, {
      pageSize: 3,
      fetchPage: skipping,
      logger: { error: () => {} },
    });
    expect(skipped.text).toBeNull();
  });

  it('when the record is tampered with, then konsey-verify fails and names the check', async () => {
    const record = (await h.call('GET', recordPath())).body as Json;
    const moreVotes = structuredClone(record);
    moreVotes.tally.totals[0][0] = 2;
    const totals = await runVerifier(moreVotes);
    expect(totals.status).not.toBe(0);
    expect(totals.output).toMatch(/FAIL \[(total|result-hash)\]/);

    const refusedCounted = structuredClone(record);
    delete refusedCounted.board[2].status;
    const counted = await runVerifier(refusedCounted);
    expect(counted.status).not.toBe(0);
    expect(counted.output).toMatch(/FAIL \[/);
  }, 60_000);
});
