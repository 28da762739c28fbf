import { randomUUID } from 'node:crypto';
import type { Gender } from '@konsey/contracts';
import type { ApiAnswer, ApiCallOptions } from '@konsey/service-kit/testing';
import type { PrismaClient } from '../src/generated/prisma/client.js';

type Call = (method: string, path: string, options?: ApiCallOptions) => Promise<ApiAnswer>;

/** A member on elections' roster, as membership's events would have put them there. */
export async function rosterMember(
  prisma: PrismaClient,
  displayName: string,
  gender: Gender = 'female',
): Promise<string> {
  const memberId = randomUUID();
  await prisma.rosterMember.create({
    data: {
      memberId,
      kind: 'individual',
      displayName,
      gender,
      status: 'active',
      admittedAt: new Date('2020-01-01T00:00:00Z'),
    },
  });
  return memberId;
}

/**
 * An election (by default a two-seat Executive Board) taken to a frozen roll with the candidates standing: the state in
 * which the committee runs its key ceremony. The tests' clock is 2027-03-01.
 */
export async function electionWithFrozenRoll(options: {
  call: Call;
  staff: string;
  bodyId: string;
  committee: readonly string[];
  candidates: readonly string[];
  /** Default: the Executive Board with two seats, a committee threshold of 2. */
  office?: string;
  settings?: Record<string, unknown>;
  threshold?: number;
}): Promise<string> {
  const { call, staff } = options;
  const created = await call('POST', '/v1/elections', {
    token: staff,
    body: {
      title: 'Yürütme Kurulu seçimi 2027',
      office: options.office ?? 'executive-board',
      bodyId: options.bodyId,
      settings: options.settings ?? { seats: 2 },
      term: { periodStart: 2024, term: 1 },
      schedule: {
        votingDay: '2027-03-20',
        candidacyOpensOn: '2027-03-02',
        candidacyClosesOn: '2027-03-10',
        objectionsCloseOn: '2027-03-12',
        rollFreezeOn: '2027-03-15',
      },
      committee: { memberIds: options.committee, threshold: options.threshold ?? 2 },
    },
  });
  if (created.status !== 201) throw new Error(`election not created: ${created.status} ${created.text}`);
  const electionId = created.body.id as string;
  const step = async (action: string) => {
    const answer = await call('POST', `/v1/elections/${electionId}/transitions`, {
      token: staff,
      body: { action },
    });
    if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${answer.text}`);
  };
  await step('announce');
  await step('open-candidacy');
  for (const memberId of options.candidates) {
    const answer = await call('POST', `/v1/elections/${electionId}/candidacies`, {
      token: staff,
      body: { memberId },
    });
    if (answer.status !== 201) throw new Error(`candidacy of ${memberId}: ${answer.status} ${answer.text}`);
  }
  await step('close-candidacy');
  await step('freeze-roll');
  return electionId;
}
