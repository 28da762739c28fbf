import { createElectionContext, type ElectionContext } from '../election/election-context.js';
import type { ElectionManifest } from '../election/manifest.js';
import type { ElectionParameters } from '../election/parameters.js';
import { parametersHash } from '../election/parameters-hash.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { announce, createCommitteeMember } from './committee-member.js';
import { finishCeremony } from './finish-ceremony.js';
import type { MemberAnnouncement } from './member-announcement.js';
import { verifyAnnouncements } from './verify-announcement.js';
import { sealShares } from './seal-shares.js';
import type { ShareEnvelope } from './share-envelope.js';
import type { TrusteeKey } from './trustee-key.js';

/** Options of {@link runKeyCeremony}. */
export interface RunKeyCeremonyOptions {
  readonly manifest: ElectionManifest;
  readonly parameters: ElectionParameters;
  readonly random?: RandomSource;
}

/** Everything a simulated ceremony produces. */
export interface KeyCeremonyResult {
  readonly context: ElectionContext;
  readonly announcements: readonly MemberAnnouncement[];
  readonly envelopes: readonly ShareEnvelope[];
  readonly trustees: readonly TrusteeKey[];
}

/**
 * Runs all n members of a k-of-n ceremony in one process: for tests, benchmarks and demos only.
 * In production each member runs {@link createCommitteeMember}, {@link announce},
 * {@link sealShares} and {@link finishCeremony} on their own device.
 */
export function runKeyCeremony(o: RunKeyCeremonyOptions): KeyCeremonyResult {
  const random = o.random ?? systemRandom;
  const ph = parametersHash(o.manifest, o.parameters);
  const members = Array.from({ length: o.parameters.memberCount }, (_, i) =>
    createCommitteeMember({ index: i + 1, parameters: o.parameters, parametersHash: ph, random }),
  );
  const announcements = members.map(announce);
  const envelopes = members.flatMap((m) => sealShares(m, announcements));
  verifyAnnouncements(announcements, o.parameters, ph); // once: they are public, every member would get the same answer
  const trustees = members.map((m) => finishCeremony(m, announcements, envelopes, { announcementsVerified: true }));
  const context = createElectionContext({ manifest: o.manifest, parameters: o.parameters, commitments: announcements.map((a) => a.commitments) });
  return { context, announcements, envelopes, trustees };
}
