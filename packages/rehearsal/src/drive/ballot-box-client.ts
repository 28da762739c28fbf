/**
 * Every call to the elections ballot box, in one place (the ballot box is still landing; adapt here):
 * the committee's CLI (key ceremony, decryption, signing the record), the voter's device (context,
 * credential, client-side encryption, casting), the figures, and the published ballot record.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import {
  ballotToJson,
  createElectionContext,
  decodePoint,
  encryptBallot,
  fromBase64url,
  type ElectionContext,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import type { CouncilContext } from './council-context.js';
import { ApiError, eventually, type Json } from './http-client.js';

const electionsRoot = fileURLToPath(new URL('../../../../services/elections/', import.meta.url));
const verifierCli = fileURLToPath(
  new URL('../../../ballot-crypto/dist/cli/konsey-verify.js', import.meta.url),
);

export type CommitteeCommand = 'keygen' | 'publish' | 'shares' | 'confirm' | 'decrypt' | 'sign';

/** Run `committee.js <command>` as one committee member would on their own machine, with their key file. */
export async function committeeCli(options: {
  command: CommitteeCommand;
  electionId: string;
  url: string;
  token: string;
  keyFile: string;
  round?: number;
}): Promise<Json> {
  const args = [
    'dist/ballot-box/cli/committee.js',
    options.command,
    '--election',
    options.electionId,
    '--url',
    options.url,
    '--token',
    options.token,
    '--key-file',
    options.keyFile,
    ...(options.round !== undefined ? ['--round', String(options.round)] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: electionsRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0)
        return reject(
          new Error(`committee ${options.command} (çıkış / exit ${code}): ${stderr.trim().slice(0, 600)}`),
        );
      try {
        resolve(JSON.parse(stdout) as Json);
      } catch {
        resolve({ output: stdout.trim() });
      }
    });
  });
}

/** Where a committee member keeps the key file of one election round (their own folder, mode 0600 files). */
export async function keyFileOf(
  context: CouncilContext,
  memberRef: string,
  electionRef: string,
  round: number,
): Promise<string> {
  const dir = join(context.workDir, 'committee', memberRef);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return join(dir, `${electionRef}-round-${round}.key.json`);
}

/**
 * The committee's key ceremony for a round, step by step as each member runs it: everybody generates
 * (keygen), then publishes, then seals shares, then confirms. Round 1's ceremony is started by keygen;
 * a later round's by `POST …/ceremony` once the count calls for it.
 */
export async function runKeyCeremony(
  context: CouncilContext,
  electionRef: string,
  electionId: string,
  round: number,
  committee: { ref: string; token: () => Promise<string> }[],
): Promise<Json> {
  const url = context.api.endpoints.elections;
  const keyFiles = await Promise.all(committee.map((m) => keyFileOf(context, m.ref, electionRef, round)));
  // Each step waits for every member's previous step (the CLI refuses to seal shares before all announced);
  // within a step the members work at once, each on their own machine.
  // The first member starts the ceremony alone (the start is idempotent, not meant to be raced).
  await committeeCli({
    command: 'keygen',
    electionId,
    url,
    token: await committee[0]!.token(),
    keyFile: keyFiles[0]!,
  });
  for (const command of ['keygen', 'publish', 'shares', 'confirm'] as const)
    await Promise.all(
      committee.map(async (member, i) =>
        committeeCli({ command, electionId, url, token: await member.token(), keyFile: keyFiles[i]! }),
      ),
    );
  return context.api.json('elections', 'GET', `/v1/elections/${electionId}/ceremony`, {
    token: await committee[0]!.token(),
  });
}

/** Start the ceremony of a later round (President rounds 2 and 3, revotes). */
export async function startNextCeremony(
  context: CouncilContext,
  electionId: string,
  token: string,
): Promise<Json> {
  return context.api.json('elections', 'POST', `/v1/elections/${electionId}/ceremony`, { token });
}

/** What a voter's device encrypts under: the manifest (options are candidate ids) and the joint key. */
export interface VotingContext {
  context: ElectionContext;
  options: string[];
  maxSelections: number;
  ceremonyId: string;
}

export async function votingContext(
  context: CouncilContext,
  electionId: string,
  token: string,
): Promise<VotingContext> {
  const published = await context.api.json(
    'elections',
    'GET',
    `/v1/elections/${electionId}/ballot-box/context`,
    { token },
  );
  const manifest = published.manifest as ElectionManifest;
  return {
    context: createElectionContext({
      manifest,
      parameters: published.parameters as ElectionParameters,
      commitments: (published.commitments as string[][]).map((c) =>
        c.map((p) => decodePoint(fromBase64url(p, 32))),
      ),
    }),
    options: [...manifest.contests[0]!.options],
    maxSelections: manifest.contests[0]!.maxSelections,
    ceremonyId: published.ceremonyId as string,
  };
}

/** One ballot cast from a member's device: credential, client-side encryption, cast with an Idempotency-Key. */
export async function castBallot(
  context: CouncilContext,
  electionId: string,
  voting: VotingContext,
  token: string,
  choices: readonly string[],
): Promise<{ ballotId: string; trackingCode: string }> {
  const credential = await context.api.json('elections', 'POST', `/v1/elections/${electionId}/credentials`, {
    token,
    phase: 'credentials',
  });
  const marks = voting.options.map((option) => (choices.includes(option) ? 1 : 0));
  const { ballot } = encryptBallot({
    context: voting.context,
    voterBinding: fromBase64url(credential.voterBinding as string),
    selections: [marks],
  });
  const key = randomUUID();
  const body = { ballot: ballotToJson(ballot) };
  let answer: Json;
  try {
    answer = await context.api.json('elections', 'POST', `/v1/elections/${electionId}/ballots`, {
      token,
      body,
      headers: { 'idempotency-key': key },
      phase: 'cast',
    });
  } catch (error) {
    // A lost answer: the same key returns the same ballot, never a second one.
    if (error instanceof ApiError) throw error;
    answer = await context.api.json('elections', 'POST', `/v1/elections/${electionId}/ballots`, {
      token,
      body,
      headers: { 'idempotency-key': key },
      phase: 'cast',
    });
  }
  return { ballotId: answer.ballotId as string, trackingCode: answer.trackingCode as string };
}

/** The ballot box's live figures (cast, verified, refused, backlog). */
export function figures(context: CouncilContext, electionId: string, token: string): Promise<Json> {
  return context.api.json('elections', 'GET', `/v1/elections/${electionId}/ballot-box/figures`, { token });
}

/** Wait until the verification workers have taken every cast ballot (no backlog). */
export async function awaitVerified(
  context: CouncilContext,
  electionId: string,
  token: string,
  cast: number,
): Promise<Json> {
  return eventually(
    `${cast} ballots verified`,
    () => figures(context, electionId, token),
    (f) => (f.backlog as number) === 0 && (f.cast as number) >= cast,
    300_000,
    250,
  );
}

/** Each of the first k committee members posts their partial decryption with the CLI. */
export async function decryptRound(
  context: CouncilContext,
  electionRef: string,
  electionId: string,
  round: number,
  ceremonyRound: number,
  members: { ref: string; token: () => Promise<string> }[],
): Promise<Json[]> {
  const url = context.api.endpoints.elections;
  const out: Json[] = [];
  for (const member of members)
    out.push(
      await committeeCli({
        command: 'decrypt',
        electionId,
        url,
        token: await member.token(),
        keyFile: await keyFileOf(context, member.ref, electionRef, ceremonyRound),
      }),
    );
  void round;
  return out;
}

/** The plaintext totals once k members decrypted (committee or staff). */
export function decryptedTotals(context: CouncilContext, electionId: string, token: string): Promise<Json> {
  return context.api.json('elections', 'GET', `/v1/elections/${electionId}/ballot-box/totals`, { token });
}

/**
 * The committee signs the round's ballot record (each member checks the draft on their machine first),
 * then the published record is fetched. Answers undefined when the service does not publish records yet.
 */
export async function signAndFetchRecord(
  context: CouncilContext,
  electionRef: string,
  electionId: string,
  round: number,
  ceremonyRound: number,
  members: { ref: string; token: () => Promise<string> }[],
): Promise<{ record: Json; signedBy: string[] } | { unavailable: string }> {
  const url = context.api.endpoints.elections;
  const signedBy: string[] = [];
  for (const member of members) {
    try {
      await committeeCli({
        command: 'sign',
        electionId,
        url,
        token: await member.token(),
        keyFile: await keyFileOf(context, member.ref, electionRef, ceremonyRound),
        round,
      });
      signedBy.push(member.ref);
    } catch (error) {
      const message = (error as Error).message;
      if (/must be one of|usage: committee|→ 404/.test(message))
        return { unavailable: `committee sign: ${message.slice(0, 300)}` };
      throw error;
    }
  }
  const answer = await context.api.call(
    'elections',
    'GET',
    `/v1/elections/${electionId}/rounds/${round}/ballot-record`,
    {
      token: await members[0]!.token(),
      allow: [404],
    },
  );
  if (answer.status === 404)
    return { unavailable: `GET …/rounds/${round}/ballot-record → 404: ${answer.text.slice(0, 200)}` };
  return { record: answer.body, signedBy };
}

/** Run the independent verifier (ballot-crypto's konsey-verify) over a record written to disk. */
export async function runVerifier(
  recordPath: string,
  record: Json,
): Promise<{ verified: boolean; output: string }> {
  await writeFile(recordPath, JSON.stringify(record));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [verifierCli, recordPath, '--workers', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ verified: code === 0, output: output.trim() }));
  });
}
