// Writes the bundled demo scenarios: scenarios/izmir-demo.json (about 400 members, the İzmir-sized
// General Assembly of `npm run demo`) and scenarios/izmir-demo-reduced.json (the same day with 60
// members, which the tests run). Deterministic: run it again and the files do not change.
//   node packages/rehearsal/scripts/make-izmir-demo.mjs
import { writeFileSync } from 'node:fs';

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
  'Gülşen',
  'Sevgi',
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
  'Levent',
  'Cem',
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
  'Aksoy',
  'Kurt',
  'Özdemir',
];
const INSTITUTIONS = [
  'Çevre Derneği',
  'Kent Gönüllüleri Vakfı',
  'Mimarlar Odası Şubesi',
  'Engelliler Derneği',
  'Kooperatifler Birliği',
];

function scenario(n, name) {
  const pct = (p) => Math.round((n * p) / 100);
  const members = [];
  for (let i = 0; i < n; i += 1) {
    const ref = `m${String(i + 1).padStart(3, '0')}`;
    if (i % 20 === 19) {
      members.push({
        ref,
        kind: 'institutional',
        name: `İzmir ${INSTITUTIONS[((i / 20) % INSTITUTIONS.length) | 0]} ${i + 1}`,
        institutionKind: 'association',
        derbis: `35-${String(100 + (i % 900)).padStart(3, '0')}-${String(100 + ((i * 37) % 900)).padStart(3, '0')}`,
        representative: {
          name: `${MEN[i % MEN.length]} ${SURNAMES[(i + 3) % SURNAMES.length]}`,
          gender: i % 40 === 19 ? 'female' : 'male',
        },
      });
      continue;
    }
    const female = i % 2 === 0;
    const bodies = [];
    if (female && i % 6 === 0) bodies.push('women');
    if (i % 10 === 3 || i % 10 === 4) bodies.push('youth');
    members.push({
      ref,
      kind: 'individual',
      name: `${(female ? WOMEN : MEN)[(i >> 1) % 14]} ${SURNAMES[i % SURNAMES.length]}`,
      gender: female ? 'female' : 'male',
      ...(bodies.length ? { bodies } : {}),
    });
  }
  const ref = (i) => members[i].ref;
  const women = members.filter((m) => m.kind === 'individual' && m.gender === 'female').map((m) => m.ref);
  const men = members.filter((m) => m.kind === 'individual' && m.gender === 'male').map((m) => m.ref);
  const womenAssembly = members.filter((m) => m.bodies?.includes('women')).map((m) => m.ref);
  const youthAssembly = members.filter((m) => m.bodies?.includes('youth')).map((m) => m.ref);

  // The President: four candidates; nobody reaches two-thirds of the membership in round 1 nor an
  // absolute majority in round 2; the run-off of the top two is decided in round 3.
  const [p1, p2, p3, p4] = [women[0], men[0], women[1], men[1]];
  const president = {
    ref: 'president',
    title: 'Kent Konseyi Başkanı seçimi',
    body: 'general-assembly',
    office: 'president',
    method: 'president-three-rounds',
    candidates: [p1, p2, p3, p4],
    rounds: [
      {
        ballots: [
          { choices: [p1], count: pct(37.5) },
          { choices: [p2], count: pct(27.5) },
          { choices: [p3], count: pct(12.5) },
          { choices: [p4], count: pct(6) },
          { choices: [], count: pct(1.5) },
        ],
      },
      {
        ballots: [
          { choices: [p1], count: pct(45) },
          { choices: [p2], count: pct(32.5) },
          { choices: [p3], count: pct(5) },
          { choices: [p4], count: pct(1.5) },
          { choices: [], count: pct(1) },
        ],
      },
      {
        ballots: [
          { choices: [p1], count: pct(42.5) },
          { choices: [p2], count: pct(40) },
          { choices: [p3], count: pct(2.5) },
        ],
      },
    ],
  };

  // The Executive Board, 9 full and 9 substitute seats under the zipper: men lead the vote, so women
  // are placed ahead of men with more votes (displacements); two candidates held the seat for two terms.
  const bw = women.slice(2, 13);
  const bm = men.slice(2, 13);
  const limited = [bm[9], bw[10]];
  const board = {
    ref: 'board',
    title: 'Yürütme Kurulu seçimi (9 asil, 9 yedek)',
    body: 'general-assembly',
    office: 'executive-board',
    seats: 9,
    substituteSeats: 9,
    maxChoices: 9,
    method: 'block',
    parity: 'zipper',
    shortfall: 'fill-from-others',
    tieBreak: 'lot',
    candidates: [...bw, ...bm],
    rounds: [
      {
        ballots: [
          { choices: [...bm.slice(0, 6), ...bw.slice(0, 3)], count: pct(35) },
          { choices: [...bw.slice(0, 5), ...bm.slice(0, 4)], count: pct(25) },
          { choices: [...bm.slice(3, 9), ...bw.slice(5, 8)], count: pct(15) },
          { choices: [bm[9], bw[10], ...bw.slice(8, 10), bm[10]], count: pct(5) },
          { choices: [...bw.slice(2, 8)], count: pct(3) },
          { choices: [], count: pct(2) },
        ],
      },
    ],
  };
  const officesHeld = [
    ...limited.flatMap((member) => [
      {
        member,
        office: 'executive-board',
        body: 'general-assembly',
        seat: 'full',
        from: '2021-01-10',
        to: '2023-01-10',
      },
      {
        member,
        office: 'executive-board',
        body: 'general-assembly',
        seat: 'full',
        from: '2023-01-10',
        to: '2026-01-10',
      },
    ]),
    {
      member: bm[0],
      office: 'executive-board',
      body: 'general-assembly',
      seat: 'full',
      from: '2023-01-10',
      to: '2026-01-10',
    },
    {
      member: bw[0],
      office: 'executive-board',
      body: 'general-assembly',
      seat: 'substitute',
      from: '2021-01-10',
      to: '2023-01-10',
    },
  ];

  // Facilitators: the women's assembly elects by plurality; the youth assembly's two candidates tie and
  // the lot (from the seed fixed before voting) decides.
  const wa = womenAssembly.length;
  const womenFacilitator = {
    ref: 'women-facilitator',
    title: 'Kadın Meclisi kolaylaştırıcı seçimi',
    body: 'women',
    office: 'facilitator',
    method: 'plurality',
    candidates: womenAssembly.slice(0, 3),
    rounds: [
      {
        ballots: [
          { choices: [womenAssembly[0]], count: Math.ceil(wa * 0.45) },
          { choices: [womenAssembly[1]], count: Math.floor(wa * 0.3) },
          { choices: [womenAssembly[2]], count: Math.floor(wa * 0.15) },
        ],
      },
    ],
  };
  const half = Math.floor((youthAssembly.length - 1) / 2);
  const youthFacilitator = {
    ref: 'youth-facilitator',
    title: 'Gençlik Meclisi kolaylaştırıcı seçimi',
    body: 'youth',
    office: 'facilitator',
    method: 'plurality',
    tieBreak: 'lot',
    candidates: youthAssembly.slice(0, 2),
    rounds: [
      {
        ballots: [
          { choices: [youthAssembly[0]], count: half },
          { choices: [youthAssembly[1]], count: half },
          { choices: [], count: 1 },
        ],
      },
    ],
  };

  const committee = { members: [ref(n - 2), ref(n - 3), ref(n - 4)], threshold: 2 };
  const motions = [
    {
      ref: 'night-ferries',
      title: 'Körfez’de gece vapur seferleri',
      text: 'Belediyeden Körfez’de gece vapur seferlerinin başlatılması istenir.',
      rationale: 'Vardiyalı çalışanların ve öğrencilerin güvenli ulaşımı.',
      topic: 'transport',
      submitter: women[20],
      coSponsors: [men[20], women[21], men[21]],
      votes: { yes: pct(60), no: pct(15), abstain: pct(5) },
      municipality: { outcome: 'accepted' },
    },
    {
      ref: 'accessible-stops',
      title: 'Erişilebilir otobüs durakları',
      text: 'Bütün otobüs duraklarının tekerlekli sandalye ile erişilebilir yapılması istenir.',
      rationale: 'Engelli yurttaşların kente eşit katılımı.',
      topic: 'infrastructure',
      submitter: men[22],
      coSponsors: [women[22], men[23], women[23]],
      votes: { yes: pct(50), no: pct(20), abstain: pct(10) },
      municipality: { outcome: 'referred-to-commission' },
    },
  ];
  return {
    version: 1,
    council: {
      name,
      settings: {
        announcementDays: 15,
        maxTerms: 2,
        window: 'consecutive',
        presidentBase: 'registered',
        seed: 'izmir-2026',
      },
    },
    bodies: [
      { ref: 'women', kind: 'assembly', name: 'Kadın Meclisi' },
      { ref: 'youth', kind: 'assembly', name: 'Gençlik Meclisi' },
    ],
    members,
    officesHeld,
    committee,
    elections: [president, board, womenFacilitator, youthFacilitator],
    motions,
  };
}

const here = new URL('../scenarios/', import.meta.url);
writeFileSync(
  new URL('izmir-demo.json', here),
  `${JSON.stringify(scenario(400, 'İzmir Kent Konseyi (prova)'), null, 2)}\n`,
);
writeFileSync(
  new URL('izmir-demo-reduced.json', here),
  `${JSON.stringify(scenario(60, 'İzmir Kent Konseyi (küçük prova)'), null, 2)}\n`,
);
