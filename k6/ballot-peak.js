// The General Assembly peak against a running Konsey (issue #6, "Load"): members arrive at a ramping
// rate, each signs in (or uses a token issued shortly before), fetches the ballot context, obtains
// the ballot credential, casts a ballot encrypted beforehand by prepare-ballots.mjs (k6 cannot run the
// ballot cryptography) with an Idempotency-Key, and looks up its tracking code on the bulletin board.
// Plain JavaScript for k6 v0.46 and later, type-checked with @types/k6 (k6/tsconfig.json).
// See k6/README.md. Example:
//   k6 run -e ELECTIONS_URL=https://secim.example.org -e BALLOTS=./ballots.json -e PEAK_RATE=200 k6/ballot-peak.js
import { check, fail, sleep } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Trend } from 'k6/metrics';

/**
 * @typedef {object} PreparedVoter
 * @property {string} [email] signs in with this and `password` when set (membership is then under load too)
 * @property {string} [password]
 * @property {string} [token] otherwise: an access token issued shortly before the run
 * @property {string} voterBinding the credential the ballot is bound to
 * @property {unknown} ballot the encrypted ballot, ballot-crypto's wire form
 * @property {string} trackingCode
 * @property {string} idempotencyKey
 */

/** @typedef {{ electionId: string, voters: PreparedVoter[] }} PreparedFile */

const env = (/** @type {string} */ name, /** @type {string} */ fallback) => __ENV[name] || fallback;
const ELECTIONS_URL = env('ELECTIONS_URL', 'http://127.0.0.1:4002');
const MEMBERSHIP_URL = env('MEMBERSHIP_URL', 'http://127.0.0.1:4001');
const BALLOTS = env('BALLOTS', './ballots.json');
const PEAK_RATE = Number(env('PEAK_RATE', '100'));
const RAMP = env('RAMP', '30s');
const HOLD = env('HOLD', '60s');

/** @type {PreparedFile} */
const prepared = JSON.parse(open(BALLOTS));
const electionId = prepared.electionId;
const voters = new SharedArray('voters', () => prepared.voters);

export const options = {
  scenarios: {
    peak: {
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      preAllocatedVUs: Math.min(voters.length, Math.max(50, PEAK_RATE * 2)),
      maxVUs: Math.min(voters.length, Math.max(200, PEAK_RATE * 10)),
      stages: [
        { target: PEAK_RATE, duration: RAMP },
        { target: PEAK_RATE, duration: HOLD },
        { target: 0, duration: '10s' },
      ],
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{step:cast}': ['p(95)<250', 'p(99)<500'],
    'http_req_duration{step:lookup}': ['p(95)<200'],
    ballots_acknowledged: ['count>0'],
    ballots_not_acknowledged: ['count<1'],
  },
};

const acknowledged = new Counter('ballots_acknowledged');
const notAcknowledged = new Counter('ballots_not_acknowledged');
const castToBoard = new Trend('cast_to_board_ms', true);

/** @param {PreparedVoter} voter */
function accessToken(voter) {
  if (!voter.password) return voter.token || fail('a prepared voter has neither a password nor a token');
  const answer = http.post(
    `${MEMBERSHIP_URL}/v1/auth/sign-in`,
    JSON.stringify({ email: voter.email, password: voter.password }),
    {
      headers: { 'content-type': 'application/json' },
      tags: { step: 'sign-in' },
    },
  );
  check(answer, { 'signed in': (r) => r.status === 200 });
  return /** @type {{ accessToken: string }} */ (answer.json()).accessToken;
}

export default function () {
  const index = exec.scenario.iterationInTest;
  if (index >= voters.length) return; // more arrivals than prepared voters: the rest stay home
  const voter = /** @type {PreparedVoter} */ (voters[index]);
  const token = accessToken(voter);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const context = http.get(`${ELECTIONS_URL}/v1/elections/${electionId}/ballot-box/context`, {
    headers,
    tags: { step: 'context' },
  });
  check(context, { 'ballot context': (r) => r.status === 200 });

  // The credential exists (prepare-ballots obtained it): the phone asks again and gets the same binding.
  const credential = http.post(`${ELECTIONS_URL}/v1/elections/${electionId}/credentials`, null, {
    headers,
    tags: { step: 'credential' },
  });
  check(credential, {
    credential: (r) => r.status === 200 || r.status === 201,
    'same binding': (r) =>
      r.status >= 300 ||
      /** @type {{ voterBinding: string }} */ (r.json()).voterBinding === voter.voterBinding,
  });

  const started = Date.now();
  const body = JSON.stringify({ ballot: voter.ballot });
  const castHeaders = { ...headers, 'idempotency-key': voter.idempotencyKey };
  let cast = http.post(`${ELECTIONS_URL}/v1/elections/${electionId}/ballots`, body, {
    headers: castHeaders,
    tags: { step: 'cast' },
  });
  // A phone retries with the same Idempotency-Key after a network error or a 5xx: the same answer comes back.
  for (let retry = 0; retry < 3 && (cast.status === 0 || cast.status >= 500); retry++) {
    sleep(0.5 * (retry + 1));
    cast = http.post(`${ELECTIONS_URL}/v1/elections/${electionId}/ballots`, body, {
      headers: castHeaders,
      tags: { step: 'cast-retry' },
    });
  }
  const ok = check(cast, {
    'ballot acknowledged (202)': (r) => r.status === 202,
    'tracking code as computed on the phone': (r) =>
      r.status !== 202 ||
      /** @type {{ trackingCode: string }} */ (r.json()).trackingCode === voter.trackingCode,
  });
  if (!ok) {
    notAcknowledged.add(1);
    return;
  }
  acknowledged.add(1);

  const lookup = http.get(`${ELECTIONS_URL}/v1/elections/${electionId}/board/${voter.trackingCode}`, {
    tags: { step: 'lookup' },
  });
  check(lookup, { 'tracking code on the board': (r) => r.status === 200 });
  castToBoard.add(Date.now() - started);
}
