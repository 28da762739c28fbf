import { settingsOf, type ElectionRow } from '../data/election-repository.js';
import { dayOf } from './calendar.js';

/** States from which the lot seed is published (after the count). */
const SEED_PUBLISHED = new Set(['tallied', 'certified']);

/** An election as the API shows it; the lot seed itself only after the count (its SHA-256 always). */
export function electionView(row: ElectionRow, committee: { memberIds: string[] }) {
  return {
    id: row.id,
    title: row.title,
    office: row.office,
    bodyId: row.bodyId,
    bodyKind: row.bodyKind,
    status: row.status,
    round: row.round,
    settings: settingsOf(row),
    term: {
      periodStart: row.periodStart,
      term: row.term,
      start: dayOf(row.termStart),
      end: dayOf(row.termEnd),
    },
    schedule: {
      votingDay: dayOf(row.votingDay),
      candidacyOpensOn: dayOf(row.candidacyOpensOn),
      candidacyClosesOn: dayOf(row.candidacyClosesOn),
      objectionsCloseOn: dayOf(row.objectionsCloseOn),
      rollFreezeOn: dayOf(row.rollFreezeOn),
      announcedOn: row.announcedOn ? dayOf(row.announcedOn) : null,
    },
    committee: { memberIds: committee.memberIds, threshold: row.committeeThreshold },
    lotSeedSha256: row.lotSeedHash,
    lotSeed: SEED_PUBLISHED.has(row.status) ? row.lotSeed : null,
    registered: row.registered,
    rollFrozenAt: row.rollFrozenAt?.toISOString() ?? null,
    certifiedAt: row.certifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ElectionView = ReturnType<typeof electionView>;
