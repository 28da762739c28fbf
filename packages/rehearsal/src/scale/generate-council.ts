import type { BallotGroup, Scenario, ScenarioMember } from '../scenario/scenario-types.js';
import { pick, seededRandom } from './seeded-random.js';

const WOMEN = [
  'Ayşe',
  'Fatma',
  'Zeynep',
  'Elif',
  'Gül',
  'Şule',
  'Derya',
  'Ebru',
  'Nur',
  'Seda',
  'Melek',
  'Özlem',
];
const MEN = [
  'Mehmet',
  'Ali',
  'Mustafa',
  'Can',
  'Oğuz',
  'Şükrü',
  'Ümit',
  'Barış',
  'Tolga',
  'Emre',
  'Hakan',
  'İsmail',
];
const SURNAMES = [
  'Yılmaz',
  'Kaya',
  'Demir',
  'Çelik',
  'Şahin',
  'Öztürk',
  'Aydın',
  'Arslan',
  'Doğan',
  'Işık',
  'Güneş',
  'Koç',
];

/** Split `total` ballots into groups of random sizes (at least one ballot each while they last). */
function groupsOf(
  random: () => number,
  total: number,
  choices: () => string[],
  groups: number,
): BallotGroup[] {
  const weights = Array.from({ length: groups }, () => 0.2 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  counts[0]! += total - counts.reduce((a, b) => a + b, 0);
  return counts.filter((c) => c > 0).map((count) => ({ choices: choices(), count }));
}

/** A random subset of `from` of size 0..max, in the order drawn. */
function subset(random: () => number, from: readonly string[], max: number): string[] {
  const pool = [...from];
  const size = pick(random, max + 1);
  const out: string[] = [];
  while (out.length < size && pool.length) out.push(pool.splice(pick(random, pool.length), 1)[0]!);
  return out;
}

/**
 * A synthetic council of `members` members for load rehearsals (`--scale N`), reproducible from the
 * seed: individuals and some institutions, two assemblies, a committee of three (2 of 3), a President
 * election (three candidates, rounds 2 and 3 ready if the count needs them), a block Executive Board
 * with zipper parity, and random ballots from about 85% of the members.
 */
export function generateCouncil(options: {
  members: number;
  seed?: string | undefined;
  base?: Scenario | undefined;
}): Scenario {
  const seed = options.seed ?? options.base?.council.settings?.seed ?? 'konsey-scale';
  const random = seededRandom(seed);
  const n = options.members;
  const members: ScenarioMember[] = Array.from({ length: n }, (_, i) => {
    const ref = `u${i + 1}`;
    if (i % 20 === 19)
      return {
        ref,
        kind: 'institutional',
        name: `${SURNAMES[pick(random, SURNAMES.length)]} Derneği ${i + 1}`,
        derbis: `35-${String(100 + (i % 900)).padStart(3, '0')}-${String(100 + pick(random, 900))}`,
        representative: {
          name: `${MEN[pick(random, MEN.length)]} ${SURNAMES[pick(random, SURNAMES.length)]}`,
          gender: random() < 0.5 ? 'female' : 'male',
        },
      };
    const female = random() < 0.5;
    return {
      ref,
      kind: 'individual',
      name: `${(female ? WOMEN : MEN)[pick(random, 12)]} ${SURNAMES[pick(random, SURNAMES.length)]}`,
      gender: female ? 'female' : 'male',
      bodies: female && random() < 0.3 ? ['women'] : random() < 0.15 ? ['youth'] : [],
    };
  });
  const individuals = members.filter((m) => m.kind === 'individual').map((m) => m.ref);
  const boardSeats = Math.max(1, Math.min(9, Math.floor(n / 20)));
  const boardCandidates = individuals.slice(3, 3 + Math.min(individuals.length - 3, boardSeats * 2 + 2));
  const presidentCandidates = individuals.slice(0, 3);
  const turnout = Math.floor(n * 0.85);
  const president = () => groupsOf(random, turnout, () => subset(random, presidentCandidates, 1), 6);
  return {
    version: 1,
    council: {
      name: `Yapay Kent Konseyi (${n} üye / members)`,
      settings: { ...options.base?.council.settings, seed },
    },
    bodies: [
      { ref: 'women', kind: 'assembly', name: 'Kadın Meclisi' },
      { ref: 'youth', kind: 'assembly', name: 'Gençlik Meclisi' },
    ],
    members,
    officesHeld: [],
    committee: { members: individuals.slice(-3), threshold: 2 },
    elections: [
      {
        ref: 'president',
        body: 'general-assembly',
        office: 'president',
        method: 'president-three-rounds',
        candidates: presidentCandidates,
        rounds: [{ ballots: president() }, { ballots: president() }, { ballots: president() }],
      },
      {
        ref: 'board',
        body: 'general-assembly',
        office: 'executive-board',
        method: 'block',
        seats: boardSeats,
        substituteSeats: boardSeats,
        maxChoices: boardSeats,
        parity: 'zipper',
        candidates: boardCandidates,
        rounds: [
          { ballots: groupsOf(random, turnout, () => subset(random, boardCandidates, boardSeats), 12) },
        ],
      },
    ],
    motions: [],
  };
}
