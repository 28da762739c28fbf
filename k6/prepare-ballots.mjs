#!/usr/bin/env node
// Prepares the voters of a k6 peak (k6/ballot-peak.js) for one election whose voting is open: for each
// rehearsal member it gets an access token, the member's ballot credential and the published context,
// encrypts a ballot with random marks as the member's phone would (@konsey/ballot-crypto; run
// `npm run build` first) and writes everything to one JSON file. See k6/README.md.
//
//   node k6/prepare-ballots.mjs --election ID --elections-url URL (--accounts FILE [--membership-url URL] | --tokens FILE) [--out ballots.json]
//
// --accounts: lines `email,password` of rehearsal members; each is signed in here (and again by k6, so
//   the peak loads membership too). --tokens: one access token per line, issued shortly before.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ballotToJson,
  createElectionContext,
  decodePoint,
  encryptBallot,
  fromBase64url,
} from '@konsey/ballot-crypto';

const { values } = parseArgs({
  options: {
    election: { type: 'string' },
    'elections-url': { type: 'string', default: 'http://127.0.0.1:4002' },
    'membership-url': { type: 'string', default: 'http://127.0.0.1:4001' },
    accounts: { type: 'string' },
    tokens: { type: 'string' },
    out: { type: 'string', default: 'ballots.json' },
  },
});
if (!values.election || !(values.accounts || values.tokens)) {
  console.error(
    'kullanım / usage: --election ID --elections-url URL (--accounts FILE | --tokens FILE) [--out FILE]',
  );
  process.exit(2);
}
const electionId = values.election;
const elections = values['elections-url'];

async function call(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text);
}

const lines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
const members = values.accounts
  ? lines(values.accounts).map((line) => {
      const [email, ...rest] = line.split(',');
      return { email, password: rest.join(',') };
    })
  : lines(values.tokens).map((token) => ({ token }));

async function tokenOf(member) {
  if (member.token) return member.token;
  const pair = await call('POST', `${values['membership-url']}/v1/auth/sign-in`, undefined, {
    email: member.email,
    password: member.password,
  });
  return pair.accessToken;
}

let context;
const voters = [];
for (const [i, member] of members.entries()) {
  const token = await tokenOf(member);
  if (!context) {
    const published = await call('GET', `${elections}/v1/elections/${electionId}/ballot-box/context`, token);
    context = createElectionContext({
      manifest: published.manifest,
      parameters: published.parameters,
      commitments: published.commitments.map((c) => c.map((p) => decodePoint(fromBase64url(p, 32)))),
    });
  }
  const { voterBinding } = await call('POST', `${elections}/v1/elections/${electionId}/credentials`, token);
  const contest = context.manifest.contests[0];
  const marks = contest.options.map(() => 0);
  const count = Math.floor(Math.random() * (contest.maxSelections + 1));
  for (const index of [...marks.keys()].sort(() => Math.random() - 0.5).slice(0, count)) marks[index] = 1;
  const { ballot, trackingCode } = encryptBallot({
    context,
    voterBinding: fromBase64url(voterBinding),
    selections: [marks],
  });
  voters.push({
    ...member,
    voterBinding,
    ballot: ballotToJson(ballot),
    trackingCode,
    idempotencyKey: randomUUID(),
  });
  if ((i + 1) % 100 === 0) console.error(`${i + 1} / ${members.length}`);
}
writeFileSync(values.out, JSON.stringify({ electionId, preparedAt: new Date().toISOString(), voters }));
console.error(`${voters.length} oy pusulası hazır / ballots ready: ${values.out}`);
