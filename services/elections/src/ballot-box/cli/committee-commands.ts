import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  announce,
  createCommitteeMember,
  createElectionContext,
  decodePoint,
  finishCeremony,
  fromBase64url,
  fromHex,
  G,
  partiallyDecrypt,
  sealShares,
  RecordVerificationError,
  sign,
  systemRandom,
  verifyElectionRecord,
  type ElectionRecordJson,
  type CommitteeMember,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import { partialToWire, tallyFromWire, type SumsJson } from '../tally-wire.js';
import {
  announcementFromWire,
  announcementToWire,
  confirmationMessage,
  envelopeFromWire,
  envelopeToWire,
  pointToWire,
  scalarFromWire,
  scalarToWire,
  signatureToWire,
  type AnnouncementJson,
  type EnvelopeJson,
} from '../wire.js';

/** Where a committee member's CLI talks to, and the file that keeps its secrets (mode 0600). */
export interface CommitteeOptions {
  election: string;
  url: string;
  token: string;
  keyFile: string;
  /** For `sign`: the round whose record to sign (default: the key file's round). */
  round?: number | undefined;
}

/** The member's secrets for one attempt of the ceremony; never sent anywhere. */
interface KeyFile {
  version: 1;
  electionId: string;
  ceremonyId: string;
  attempt: number;
  /** The round the ceremony is for (absent in files written before rounds had ceremonies of their own). */
  round?: number;
  index: number;
  parameters: ElectionParameters;
  parametersHash: string;
  coefficients: string[];
  authSecretKey: string;
  /** After `confirm`: the member's share of the election key, needed at the tally. */
  secretShare?: string;
  baseHash?: string;
}

interface CeremonyView {
  ceremonyId: string;
  round: number;
  attempt: number;
  status: string;
  you: { index: number } | null;
  parameters: ElectionParameters;
  parametersHash: string;
  announcements: AnnouncementJson[];
  baseHash: string | null;
  jointKey: string | null;
  fingerprint: string | null;
}

async function api<T>(o: CommitteeOptions, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${o.url}/v1/elections/${o.election}/ceremony${path}`, {
    method,
    headers: {
      authorization: `Bearer ${o.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path || '/'} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Write the key file atomically with mode 0600 (owner read/write only). */
function saveKeyFile(path: string, key: KeyFile): void {
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'w' });
  chmodSync(aside, 0o600);
  renameSync(aside, path);
}

function loadKeyFile(path: string): KeyFile {
  return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
}

function memberOf(key: KeyFile): CommitteeMember {
  const member = createCommitteeMember({
    index: key.index,
    parameters: key.parameters,
    parametersHash: fromHex(key.parametersHash),
  });
  const coefficients = key.coefficients.map((c, j) => scalarFromWire(c, `coefficients[${j}]`));
  const authSecretKey = scalarFromWire(key.authSecretKey, 'authSecretKey');
  // Same shape as ballot-crypto's member, with the secrets read from disk.
  return {
    ...member,
    coefficients,
    authSecretKey,
    authPublicKey: G.multiply(authSecretKey),
    random: systemRandom,
  };
}

/** Start (or join) the ceremony and generate this member's polynomial and long-term key on this machine. */
export async function keygen(o: CommitteeOptions): Promise<{ index: number; attempt: number }> {
  const view = await api<CeremonyView>(o, 'POST', '');
  if (!view.you) throw new Error(`you are not a participant of attempt ${view.attempt}`);
  if (existsSync(o.keyFile)) {
    const existing = loadKeyFile(o.keyFile);
    if (existing.ceremonyId === view.ceremonyId) return { index: existing.index, attempt: existing.attempt };
    if (existing.secretShare)
      throw new Error(
        `${o.keyFile} holds the key share of a completed ceremony (election ${existing.electionId}); use another file`,
      );
  }
  const member = createCommitteeMember({
    index: view.you.index,
    parameters: view.parameters,
    parametersHash: fromHex(view.parametersHash),
  });
  saveKeyFile(o.keyFile, {
    version: 1,
    electionId: o.election,
    ceremonyId: view.ceremonyId,
    attempt: view.attempt,
    round: view.round,
    index: member.index,
    parameters: view.parameters,
    parametersHash: view.parametersHash,
    coefficients: member.coefficients.map(scalarToWire),
    authSecretKey: scalarToWire(member.authSecretKey),
  });
  return { index: member.index, attempt: view.attempt };
}

async function current(o: CommitteeOptions): Promise<{ key: KeyFile; view: CeremonyView }> {
  const key = loadKeyFile(o.keyFile);
  const view = await api<CeremonyView>(o, 'GET', '');
  if (view.ceremonyId !== key.ceremonyId)
    throw new Error(`the ceremony restarted (attempt ${view.attempt}); run keygen again`);
  return { key, view };
}

/** Round 1: publish the commitments with their proofs of knowledge. */
export async function publish(o: CommitteeOptions): Promise<CeremonyView> {
  const { key } = await current(o);
  return api<CeremonyView>(o, 'POST', '/announcements', {
    announcement: announcementToWire(announce(memberOf(key))),
  });
}

/** Round 2: once everyone announced, seal a share to each other member and post the envelopes. */
export async function shares(o: CommitteeOptions): Promise<CeremonyView> {
  const { key, view } = await current(o);
  if (view.announcements.length !== key.parameters.memberCount)
    throw new Error(
      `${view.announcements.length} of ${key.parameters.memberCount} members have announced; try again later`,
    );
  const envelopes = sealShares(memberOf(key), view.announcements.map(announcementFromWire));
  return api<CeremonyView>(o, 'POST', '/envelopes', { envelopes: envelopes.map(envelopeToWire) });
}

/**
 * Round 3: open and check the shares addressed to this member against their senders' commitments,
 * keep the resulting key share in the key file, and sign the base hash to confirm.
 */
export async function confirm(o: CommitteeOptions): Promise<CeremonyView> {
  const { key, view } = await current(o);
  if (!view.baseHash) throw new Error('not every member has announced yet');
  const { envelopes } = await api<{ envelopes: EnvelopeJson[] }>(o, 'GET', '/envelopes');
  const member = memberOf(key);
  const trustee = finishCeremony(
    member,
    view.announcements.map(announcementFromWire),
    envelopes.map(envelopeFromWire),
  );
  saveKeyFile(o.keyFile, { ...key, secretShare: scalarToWire(trustee.secretShare), baseHash: view.baseHash });
  const signature = sign(
    member.authSecretKey,
    confirmationMessage(view.ceremonyId, view.baseHash),
    systemRandom,
  );
  return api<CeremonyView>(o, 'POST', '/confirmations', {
    baseHash: view.baseHash,
    signature: signatureToWire(signature),
  });
}

/** The member's trustee key as kept in the key file (for the tally). */
export function trusteeKeyOf(keyFile: string) {
  const key = loadKeyFile(keyFile);
  if (!key.secretShare) throw new Error(`${keyFile} has no key share yet; run confirm`);
  return {
    index: key.index,
    secretShare: scalarFromWire(key.secretShare, 'secretShare'),
    authSecretKey: scalarFromWire(key.authSecretKey, 'authSecretKey'),
  };
}

interface EncryptedTotalsView {
  ceremonyId: string;
  round: number;
  ballotCount: number;
  sums: SumsJson;
}

interface ContextView {
  ceremonyId: string;
  manifest: ElectionManifest;
  parameters: ElectionParameters;
  commitments: string[][];
}

async function get<T>(o: CommitteeOptions, path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${o.url}/v1/elections/${o.election}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${o.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * At the tally: fetch the round's encrypted totals, compute this member's partial decryption with
 * proofs locally from the key share in the key file, and post it (the share never leaves this machine).
 */
export async function decrypt(o: CommitteeOptions): Promise<unknown> {
  const key = loadKeyFile(o.keyFile);
  const trustee = trusteeKeyOf(o.keyFile);
  const totals = await get<EncryptedTotalsView>(o, '/ballot-box/tally');
  if (totals.ceremonyId !== key.ceremonyId)
    throw new Error(
      `${o.keyFile} holds the share of ceremony ${key.ceremonyId}, the totals are under ${totals.ceremonyId}`,
    );
  const view = await get<ContextView>(o, '/ballot-box/context');
  if (view.ceremonyId !== key.ceremonyId)
    throw new Error(`the context is of ceremony ${view.ceremonyId}, not ${key.ceremonyId}`);
  const context = createElectionContext({
    manifest: view.manifest,
    parameters: view.parameters,
    commitments: view.commitments.map((c) => c.map((p) => decodePoint(fromBase64url(p, 32), 'commitment'))),
  });
  const partial = partiallyDecrypt(context, trustee, tallyFromWire(totals.sums), systemRandom);
  return get(o, '/ballot-box/partial-decryptions', 'POST', { partialDecryption: partialToWire(partial) });
}

interface DraftView {
  threshold: number;
  signedBy: { index: number; memberId: string }[];
  record: ElectionRecordJson;
}

/**
 * After the decryption: fetch the round's record draft, check it with ballot-crypto's verifier on this
 * machine (ceremony, board chain, every ballot proof, the aggregate, the decryptions, the totals and the
 * result hash: everything but the signatures still being gathered), check that it is the ceremony this
 * key file took part in, and sign its result hash with the member's ceremony key.
 */
export async function signRecord(o: CommitteeOptions): Promise<unknown> {
  const key = loadKeyFile(o.keyFile);
  const round = o.round ?? key.round ?? (await get<{ round: number }>(o, '')).round;
  const draft = await get<DraftView>(o, `/rounds/${round}/ballot-record/draft`);
  const authSecretKey = scalarFromWire(key.authSecretKey, 'authSecretKey');
  const mine = draft.record.ceremony.members.find((m) => m.index === key.index);
  if (!mine || mine.authPublicKey !== pointToWire(G.multiply(authSecretKey)))
    throw new Error(`${o.keyFile} is not a key of round ${round}'s ceremony; use that round's key file`);
  try {
    await verifyElectionRecord({ ...draft.record, signatures: [] });
    throw new Error('the draft verified without any signature; refusing to sign a record that needs none');
  } catch (error) {
    if (!(error instanceof RecordVerificationError) || error.code !== 'signature')
      throw new Error(`the record draft of round ${round} does not verify: ${(error as Error).message}`, {
        cause: error,
      });
  }
  const signature = sign(authSecretKey, fromBase64url(draft.record.resultHash, 32), systemRandom);
  return get(o, `/rounds/${round}/ballot-record/signatures`, 'POST', {
    signature: signatureToWire(signature),
  });
}

export const COMMANDS = { keygen, publish, shares, confirm, decrypt, sign: signRecord } as const;

/** Parse `keygen|publish|shares|confirm|decrypt|sign --election ID --url URL --token TOKEN --key-file PATH [--round N]`. */
function roundFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,3}$/.test(value)) throw new Error(`--round must be a round number, got ${value}`);
  return Number(value);
}

export function parseArguments(argv: readonly string[]): {
  command: keyof typeof COMMANDS;
  options: CommitteeOptions;
} {
  const [command, ...rest] = argv;
  if (!command || !(command in COMMANDS))
    throw new Error(
      'usage: committee keygen|publish|shares|confirm|decrypt|sign --election ID --url URL --token TOKEN --key-file PATH [--round N]',
    );
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`expected --flag value, got ${flag}`);
    flags.set(flag.slice(2), value);
  }
  const need = (name: string) => {
    const value = flags.get(name) ?? (name === 'token' ? process.env.KONSEY_TOKEN : undefined);
    if (!value) throw new Error(`--${name} is required`);
    return value;
  };
  return {
    command: command as keyof typeof COMMANDS,
    options: {
      election: need('election'),
      url: need('url').replace(/\/$/, ''),
      token: need('token'),
      keyFile: need('key-file'),
      round: roundFlag(flags.get('round')),
    },
  };
}
