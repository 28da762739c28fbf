import { GENERAL_ASSEMBLY, type ScenarioMotion } from '../scenario/scenario-types.js';
import type { MotionReport } from '../report/result-types.js';
import { addDays, step, type CouncilContext } from './council-context.js';
import { eventually, type Json } from './http-client.js';
import { signInMember } from './sign-in.js';
import { checkIn, type OpenSitting } from './sittings.js';

/** A motion on its way: drafted, co-sponsored, submitted, accepted by the board and put to a GA poll. */
export interface PreparedMotion {
  motion: ScenarioMotion;
  motionId: string;
  pollId: string;
}

const nameOf = (context: CouncilContext, ref: string) =>
  context.scenario.members.find((m) => m.ref === ref)!.name;

/**
 * Before the General Assembly meets: the members draft and co-sponsor the motion, the Executive Board
 * reviews and accepts it, puts it on the GA agenda and asks for a poll; elections holds the poll for the
 * sitting (the sitting picks waiting polls up when it opens).
 */
export async function prepareMotions(context: CouncilContext): Promise<PreparedMotion[]> {
  const motions = context.scenario.motions ?? [];
  if (motions.length === 0) return [];
  const { api, staffToken } = context;
  const agenda = await api.json('motions', 'POST', '/v1/agendas', {
    token: staffToken,
    body: {
      bodyId: context.bodyIds.get(GENERAL_ASSEMBLY),
      meetingOn: context.today,
      title: 'Olağan Genel Kurul',
    },
  });
  const prepared: PreparedMotion[] = [];
  for (const motion of motions) {
    const submitter = await signInMember(context, motion.submitter);
    const draft = await api.json('motions', 'POST', '/v1/motions', {
      token: submitter,
      body: {
        title: motion.title,
        text: motion.text,
        rationale: motion.rationale ?? motion.text,
        topic: motion.topic ?? 'other',
        origin: { kind: 'members' },
        displayName: nameOf(context, motion.submitter),
      },
    });
    const motionId = draft.id as string;
    for (const ref of motion.coSponsors)
      await api.call('motions', 'POST', `/v1/motions/${motionId}/co-sponsors`, {
        token: await signInMember(context, ref),
        body: { displayName: nameOf(context, ref) },
      });
    await api.call('motions', 'POST', `/v1/motions/${motionId}/submit`, { token: submitter });
    await api.call('motions', 'POST', `/v1/motions/${motionId}/review`, {
      token: staffToken,
      body: { action: 'start-review' },
    });
    await api.call('motions', 'POST', `/v1/motions/${motionId}/review`, {
      token: staffToken,
      body: { action: 'accept' },
    });
    await api.call('motions', 'POST', `/v1/agendas/${String(agenda.id)}/motions`, {
      token: staffToken,
      body: { motionId },
    });
    const { pollId } = await api.json('motions', 'POST', `/v1/motions/${motionId}/poll`, {
      token: staffToken,
    });
    await eventually(
      `poll of ${motion.ref} reaches elections`,
      () => api.call('elections', 'GET', `/v1/polls/${String(pollId)}`, { token: staffToken, allow: [404] }),
      (answer) => answer.status === 200,
      60_000,
    );
    prepared.push({ motion, motionId, pollId: pollId as string });
  }
  return prepared;
}

/**
 * At the General Assembly: the members present vote (yes, no, abstain: the first members in file order),
 * the poll closes, motions records the outcome; an adopted motion goes to the municipality by official
 * letter, onto the municipal council's agenda, and gets its decision.
 */
export async function voteOnMotion(
  context: CouncilContext,
  prepared: PreparedMotion,
  sitting: OpenSitting,
): Promise<MotionReport> {
  const { api, staffToken } = context;
  const { motion, motionId, pollId } = prepared;
  const report: MotionReport = {
    ref: motion.ref,
    state: 'unknown',
    poll: null,
    municipalOutcome: null,
    error: null,
  };
  const name = (what: string) => `${motion.ref}: ${what}`;
  try {
    await step(
      context,
      name('Genel Kurul oylaması / GA poll'),
      async () => {
        const choices = [
          ...Array<string>(motion.votes.yes).fill('yes'),
          ...Array<string>(motion.votes.no).fill('no'),
          ...Array<string>(motion.votes.abstain ?? 0).fill('abstain'),
        ];
        const voters = context.scenario.members.slice(0, choices.length).map((m) => m.ref);
        await checkIn(context, sitting, voters);
        await api.call('elections', 'POST', `/v1/polls/${pollId}/open`, { token: staffToken });
        for (const [i, ref] of voters.entries())
          await api.call('elections', 'PUT', `/v1/polls/${pollId}/vote`, {
            token: await signInMember(context, ref),
            body: { choice: choices[i] },
            phase: 'poll-vote',
          });
        await api.call('elections', 'POST', `/v1/polls/${pollId}/close`, { token: staffToken });
        const result = (await api.json('elections', 'GET', `/v1/polls/${pollId}/result`)).result as Json;
        report.poll = { yes: result.yes, no: result.no, abstain: result.abstain, outcome: result.outcome };
        const view = await eventually(
          `${motion.ref} records the poll`,
          () => api.json('motions', 'GET', `/v1/public/motions/${motionId}`),
          (v) => v.state !== 'voting' && v.state !== 'on-agenda' && v.state !== 'accepted',
          60_000,
        );
        report.state = view.state as string;
        return report.poll;
      },
      (p) => `${p.yes} yes, ${p.no} no, ${p.abstain} abstain: ${p.outcome}`,
    );
  } catch (error) {
    report.error = (error as Error).message.slice(0, 600);
    const view = await api.json('motions', 'GET', `/v1/public/motions/${motionId}`).catch(() => undefined);
    if (view) report.state = view.state as string;
  }
  return report;
}

/**
 * The Executive Board sends every adopted motion to the municipality by official letter (received
 * today); the municipal council's next meeting (tomorrow, the first after receipt) takes them up, and
 * its decisions are recorded.
 */
export async function sendToMunicipality(
  context: CouncilContext,
  motions: { prepared: PreparedMotion; report: MotionReport }[],
): Promise<void> {
  const going = motions.filter(
    ({ prepared, report }) => report.state === 'adopted' && prepared.motion.municipality,
  );
  if (going.length === 0) return;
  const { api, staffToken } = context;
  const tomorrow = addDays(context.today, 1);
  try {
    await step(
      context,
      'önergeler belediyede / motions at the municipality',
      async () => {
        for (const { prepared } of going)
          await api.call('motions', 'POST', `/v1/motions/${prepared.motionId}/send`, {
            token: staffToken,
            body: {
              letterNumber: `KK-${prepared.motion.ref}`,
              letterDate: context.today,
              receivedOn: context.today,
            },
          });
        const meeting = await api.json('motions', 'POST', '/v1/municipal-meetings', {
          token: staffToken,
          body: { meetingOn: tomorrow },
        });
        await api.call('motions', 'PUT', `/v1/municipal-meetings/${String(meeting.id)}/agenda`, {
          token: staffToken,
          body: {
            items: going.map(({ prepared }, i) => ({ motionId: prepared.motionId, agendaItem: `${i + 1}` })),
          },
        });
        for (const { prepared, report } of going) {
          const outcome = prepared.motion.municipality!.outcome;
          await api.call('motions', 'POST', `/v1/motions/${prepared.motionId}/municipal-decision`, {
            token: staffToken,
            body: {
              outcome,
              decisionNumber: `BM-${prepared.motion.ref}`,
              decidedOn: tomorrow,
              text: `Belediye Meclisi kararı / municipal council decision: ${outcome}`,
            },
          });
          report.municipalOutcome = outcome;
        }
        return going.length;
      },
      (n) => `${n} motions decided`,
    );
  } catch (error) {
    for (const { report } of going) report.error ??= (error as Error).message.slice(0, 600);
  }
  for (const { prepared, report } of going) {
    const view = await api
      .json('motions', 'GET', `/v1/public/motions/${prepared.motionId}`)
      .catch(() => undefined);
    if (view) report.state = view.state as string;
  }
}
