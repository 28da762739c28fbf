import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { verifyBallot } from '../src/ballot/verify-ballot.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { seededRandom } from '../src/group/random.js';
import { ballotFromJson, pointToJson } from '../src/record/json-codec.js';
import type { BallotJson } from '../src/record/record-types.js';
import { MANIFEST, PARAMS } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'konsey-browser-'));
let server: Server;
let browser: BrowserContext;
let origin: string;

const PAGE = `<!doctype html><meta charset="utf-8"><title>ballot-crypto</title><script type="module">
import * as bc from './ballot-crypto.js';
window.bc = bc;
window.ready = true;
</script>`;

beforeAll(async () => {
  // The same esbuild settings as `npm run build:browser`, from source so no prior build is needed.
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, outfile: join(dir, 'ballot-crypto.js'), logLevel: 'silent' });
  server = createServer((req, res) => {
    if (req.url === '/ballot-crypto.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'ballot-crypto.js')));
    } else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A fresh profile directory per run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('browser build', () => {
  it('has the chromium the CI installs', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it('bundles without any Node built-in', () => {
    expect(readFileSync(join(dir, 'ballot-crypto.js'), 'utf8')).not.toMatch(/["']node:|require\(/);
  });

  it('encrypts a ballot in headless Chromium that the Node server verifies', async () => {
    const { context } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random: seededRandom('browser') });
    const election = { manifest: MANIFEST, parameters: PARAMS, commitments: context.commitments.map((c) => c.map(pointToJson)) };
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForFunction('window.ready === true');
    const out = await page.evaluate((e) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const bc = (globalThis as any).bc;
      const commitments = e.commitments.map((c: string[]) => c.map((x) => bc.decodePoint(bc.fromBase64url(x))));
      const ctx = bc.createElectionContext({ manifest: e.manifest, parameters: e.parameters, commitments });
      const result = bc.encryptBallot({ context: ctx, voterBinding: bc.utf8('browser-voter'), selections: [[0, 1, 0], [1, 0, 0, 1], [0, 0, 1]] });
      return { ballot: bc.ballotToJson(result.ballot), trackingCode: result.trackingCode, hasNodeBuffer: typeof (globalThis as { Buffer?: unknown }).Buffer };
    }, election);
    await page.close();
    expect(out.hasNodeBuffer).toBe('undefined');
    expect(out.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(() => verifyBallot(context, ballotFromJson(out.ballot as BallotJson))).not.toThrow();
  }, 60_000);
});
