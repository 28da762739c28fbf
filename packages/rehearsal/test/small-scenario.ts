import type { Scenario } from '../src/scenario/index.js';

/** A small valid council: 8 members, one assembly, a committee of three, a board and a facilitator election. */
export function smallScenario(): Scenario {
  return {
    version: 1,
    council: { name: 'Deneme Kent Konseyi', settings: { announcementDays: 15 } },
    bodies: [{ ref: 'women', kind: 'assembly', name: 'Kadın Meclisi' }],
    members: [
      { ref: 'm1', kind: 'individual', name: 'Ayşe Yılmaz', gender: 'female', bodies: ['women'] },
      { ref: 'm2', kind: 'individual', name: 'Zeynep Kaya', gender: 'female', bodies: ['women'] },
      { ref: 'm3', kind: 'individual', name: 'Mehmet Demir', gender: 'male' },
      { ref: 'm4', kind: 'individual', name: 'Ali Çelik', gender: 'male' },
      { ref: 'm5', kind: 'individual', name: 'Elif Şahin', gender: 'female', bodies: ['women'] },
      { ref: 'm6', kind: 'individual', name: 'Can Öztürk', gender: 'male' },
      {
        ref: 'n1',
        kind: 'institutional',
        name: 'İzmir Çevre Derneği',
        derbis: '35-123-456',
        representative: { name: 'Deniz Arslan', gender: 'male' },
      },
      { ref: 'm7', kind: 'individual', name: 'Gül Aydın', gender: 'female' },
    ],
    officesHeld: [
      {
        member: 'm3',
        office: 'executive-board',
        body: 'general-assembly',
        seat: 'full',
        from: '2021-01-10',
        to: '2023-01-10',
      },
    ],
    committee: { members: ['m5', 'm6', 'm7'], threshold: 2 },
    elections: [
      {
        ref: 'board',
        body: 'general-assembly',
        office: 'executive-board',
        seats: 2,
        substituteSeats: 1,
        maxChoices: 2,
        method: 'block',
        parity: 'zipper',
        candidates: ['m1', 'm2', 'm3', 'm4'],
        rounds: [
          {
            ballots: [
              { choices: ['m1', 'm2'], count: 4 },
              { choices: ['m3'], count: 2 },
              { choices: [], count: 1 },
            ],
          },
        ],
      },
      {
        ref: 'women-facilitator',
        body: 'women',
        office: 'facilitator',
        method: 'plurality',
        candidates: ['m1', 'm2'],
        rounds: [
          {
            ballots: [
              { choices: ['m1'], count: 2, voters: ['m1', 'm5'] },
              { choices: ['m2'], count: 1 },
            ],
          },
        ],
      },
    ],
    motions: [
      {
        ref: 'ferries',
        title: 'Gece vapur seferleri',
        text: 'Körfezde gece vapur seferleri başlatılsın.',
        submitter: 'm1',
        coSponsors: ['m2', 'm3', 'm4'],
        votes: { yes: 5, no: 1, abstain: 1 },
        municipality: { outcome: 'accepted' },
      },
    ],
  };
}
