import { join } from 'node:path';
import { electionSettings } from '../scenario/council-settings.js';
import { assignVoters, electorateOf, type PlannedBallot } from '../scenario/electorate.js';
import type { ScenarioElection } from '../scenario/scenario-types.js';
import type { ElectionReport, RoundReport } from '../report/result-types.js';
import {
  awaitVerified,
  castBallot,
  decryptRound,
  runKeyCeremony,
  runVerifier,
  signAndFetchRecord,
  startNextCeremony,
  votingContext,
} from './ballot-box-client.js';
import { addDays, memberId, step, type CouncilContext } from './council-context.js';
import { refOf, resultFields } from './election-result.js';
import { ApiError, eventually, inParallel, type Json } from './http-client.js';
import { serviceBodyId } from './service-bodies.js';
import { signInMember } from './sign-in.js';
import { checkIn, type OpenSitting } from './sittings.js';

const OFFICE_TITLES: Record<string, string> = {
  president: 'Kent Konseyi Başkanı seçimi',
  'executive-board': 'Yürütme Kurulu seçimi',
  facilitator: 'Kolaylaştırıcı seçimi',
  'co-spokesperson': 'Eş sözcü seçimi',
};

function emptyReport(ref: string): ElectionReport {
  return {
    ref,
    status: 'not-created',
    rosterSize: 0,
    candidates: [],
    rounds: [],
    elected: [],
    substitutes: [],
    displacements: [],
    shortfalls: [],
    tieBreaks: [],
    recordHash: null,
    verified: false,
    certifiedBy: [],
    roundsUnused: 0,
    presence: 'not-required',
    error: null,
  };
}

/** The committee as CLI users: each member signs in on their own and keeps their own key files. */
function committeeMembers(context: CouncilContext) {
  return context.scenario.committee.members.map((ref) => ({ ref, token: () => signInMember(context, ref) }));
}

/**
 * One election, as the real day runs it: created and announced with the notice the council requires,
 * candidacies filed (the service decides eligibility), roll frozen, the committee's key ceremony, each
 * round voted at the sitting (voters checked in, signed in, ballots encrypted on the device and cast),
 * verified, closed, decrypted by k members, the ballot record signed and checked by konsey-verify, and
 * the result approved by k members.
 */
export async function runElection(
  context: CouncilContext,
  election: ScenarioElection,
  sitting: OpenSitting,
): Promise<ElectionReport> {
  const report = emptyReport(election.ref);
  const { api, staffToken } = context;
  const settings = electionSettings(election, context.settings);
  const committee = committeeMembers(context);
  const k = context.scenario.committee.threshold;
  const name = (what: string) => `${election.ref}: ${what}`;
  let electionId = '';
  const transition = (action: string) =>
    api.json('elections', 'POST', `/v1/elections/${electionId}/transitions`, {
      token: staffToken,
      body: { action },
    });
  const view = () => api.json('elections', 'GET', `/v1/elections/${electionId}`, { token: staffToken });
  const record = () =>
    api.json('elections', 'GET', `/v1/elections/${electionId}/record`, { token: staffToken });
  try {
    const created = await step(
      context,
      name('oluştur ve ilan et / create and announce'),
      async () => {
        const votingDay = addDays(context.today, Math.max(settings.announcementDays, 1));
        const answer = await api.json('elections', 'POST', '/v1/elections', {
          token: staffToken,
          body: {
            title: election.title ?? `${OFFICE_TITLES[election.office]} (${election.ref})`,
            office: election.office,
            bodyId: serviceBodyId(context, election.office, election.body),
            settings,
            term: election.term ?? { periodStart: context.settings.periodStart, term: context.settings.term },
            schedule: {
              votingDay,
              candidacyOpensOn: context.today,
              candidacyClosesOn: context.today,
              objectionsCloseOn: context.today,
              rollFreezeOn: context.today,
            },
            committee: {
              memberIds: context.scenario.committee.members.map((ref) => memberId(context, ref)),
              threshold: k,
            },
          },
        });
        electionId = answer.id as string;
        await transition('announce');
        return answer;
      },
      (a) => `voting day ${String((a.schedule as Json).votingDay)}`,
    );
    report.status = created.status as string;

    await step(
      context,
      name('adaylıklar / candidacies'),
      async () => {
        await transition('open-candidacy');
        const refused = new Map<string, string[]>();
        for (const ref of election.candidates) {
          const member = context.scenario.members.find((m) => m.ref === ref)!;
          const gender = member.kind === 'individual' ? member.gender : member.representative.gender;
          const slot =
            election.office === 'co-spokesperson' && (gender === 'female' || gender === 'male')
              ? gender
              : undefined;
          try {
            await api.call('elections', 'POST', `/v1/elections/${electionId}/candidacies`, {
              token: staffToken,
              body: { memberId: memberId(context, ref), ...(slot ? { slot } : {}) },
            });
          } catch (error) {
            if (!(error instanceof ApiError) || error.status !== 422) throw error;
            refused.set(ref, error.codes.length ? error.codes : [String(error.problem?.code ?? 'refused')]);
          }
        }
        await transition('close-candidacy');
        const candidacies = ((await record()).candidacies as Json[]) ?? [];
        report.candidates = election.candidates.map((ref) => {
          if (refused.has(ref)) return { ref, eligible: false, reasons: refused.get(ref)! };
          const candidacy = candidacies.find((c) => c.memberId === memberId(context, ref));
          const refusals = (candidacy?.refusals as Json[] | undefined) ?? [];
          return {
            ref,
            eligible: Boolean(candidacy?.eligible) && candidacy?.status === 'standing',
            reasons: refusals.map((r) => String(r.code)),
          };
        });
        return report.candidates;
      },
      (c) =>
        `${c.filter((x) => x.eligible).length} eligible, refused: ${
          c
            .filter((x) => !x.eligible)
            .map((x) => `${x.ref} (${x.reasons.join(', ')})`)
            .join('; ') || 'none'
        }`,
    );

    const electorate = electorateOf(context.scenario, election);
    await step(
      context,
      name('hazirun listesi / roll frozen'),
      async () => {
        const frozen = await transition('freeze-roll');
        report.rosterSize = frozen.registered as number;
        report.status = frozen.status as string;
        if (report.rosterSize < electorate.length)
          throw new Error(
            `hazirun ${report.rosterSize} kişi, senaryonun seçmeni ${electorate.length} / the roll has ${report.rosterSize}, the scenario's electorate ${electorate.length}`,
          );
        return frozen;
      },
      (f) => `${String(f.registered)} on the roll`,
    );

    for (let index = 0; ; index += 1) {
      const round = index + 1;
      const planned = election.rounds[index];
      if (!planned)
        throw new Error(
          `sayım ${round}. turu gerektiriyor, senaryoda bu turun oyları yok / the count calls for round ${round}, the scenario has no ballots for it`,
        );
      await step(
        context,
        name(`${round}. tur anahtar töreni / round ${round} key ceremony`),
        async () => {
          if (round > 1) await startNextCeremony(context, electionId, await committee[0]!.token());
          return runKeyCeremony(context, election.ref, electionId, round, committee);
        },
        (c) => `fingerprint ${String(c.fingerprint ?? '?')}`,
      );
      if (round === 1)
        await requirePresence(context, election, electionId, sitting, committee[0]!.token, report);
      await step(context, name(`${round}. tur oylamayı aç / open round ${round}`), () =>
        transition(round === 1 ? 'open-voting' : 'open-next-round'),
      );
      const roundReport = await castRound(
        context,
        election,
        electionId,
        round,
        planned.ballots,
        electorate,
        sitting,
      );
      report.rounds.push(roundReport);
      await step(context, name(`${round}. tur kapat, çöz / close and decrypt round ${round}`), async () => {
        await transition('close-voting');
        await decryptRound(context, election.ref, electionId, round, round, committee.slice(0, k));
        return eventually(
          `${election.ref} round ${round} tallied`,
          view,
          (v) => v.status === 'tallied',
          60_000,
          250,
        );
      });
      const stored = ((await record()).rounds as Json[]).find((r) => r.round === round)!;
      roundReport.purpose =
        stored.purpose === 'first' || stored.purpose === 'revote' || stored.presidentRound == null
          ? String(stored.purpose)
          : `president-${String(stored.presidentRound)}`;
      roundReport.ballotsCast = stored.ballotsCast as number;
      roundReport.totals = ((stored.totals as Json[]) ?? []).map((t) => ({
        ref: refOf(context, t.memberId as string),
        votes: t.votes as number,
      }));
      roundReport.outcome = String((stored.decision as Json | null)?.kind ?? 'unknown');
      await step(
        context,
        name(`${round}. tur kaydı ve doğrulama / round ${round} record verified`),
        async () => {
          const published = await signAndFetchRecord(
            context,
            election.ref,
            electionId,
            round,
            round,
            committee.slice(0, k),
          );
          if ('unavailable' in published) {
            roundReport.verifierOutput = published.unavailable;
            throw new Error(`oy kaydı yayımlanmadı / no ballot record published: ${published.unavailable}`);
          }
          roundReport.recordResultHash = String(published.record.resultHash ?? '');
          const verdict = await runVerifier(
            join(context.workDir, `${election.ref}-round-${round}.record.json`),
            published.record,
          );
          roundReport.verified = verdict.verified;
          roundReport.verifierOutput = verdict.output.split('\n')[0] ?? '';
          if (!verdict.verified) throw new Error(`konsey-verify: ${verdict.output.slice(0, 400)}`);
          return verdict;
        },
      ).catch((error: unknown) => {
        // The count stands without the record; the run is not a success, but the election goes on.
        context.log(`  ! ${(error as Error).message.slice(0, 300)}`);
      });
      if (roundReport.outcome !== 'next-round') break;
    }
    report.roundsUnused = election.rounds.length - report.rounds.length;

    await step(context, name('onay ve kesinleşme / approvals and certification'), async () => {
      const hash = ((await record()).result as Json | null)?.sha256 as string | undefined;
      if (!hash) throw new Error('sonuç yok / no result to approve');
      for (const member of committee.slice(0, k)) {
        await api.call('elections', 'POST', `/v1/elections/${electionId}/approvals`, {
          token: await member.token(),
          body: { resultHash: hash },
        });
        report.certifiedBy.push(member.ref);
      }
      return eventually(`${election.ref} certified`, view, (v) => v.status === 'certified', 30_000, 250);
    });
    const final = await record();
    report.status = (final.election as Json).status as string;
    report.recordHash = ((final.result as Json | null)?.sha256 as string | undefined) ?? null;
    Object.assign(
      report,
      resultFields(context, ((final.result as Json | null)?.content as Json | undefined) ?? {}),
    );
  } catch (error) {
    report.error = (error as Error).message.slice(0, 800);
    if (electionId)
      report.status = ((await view().catch(() => ({ status: report.status }))) as Json).status as string;
  }
  report.verified = report.rounds.length > 0 && report.rounds.every((r) => r.verified);
  return report;
}

/** One round's voting: voters check in and sign in, each device encrypts and casts; then verification. */
async function castRound(
  context: CouncilContext,
  election: ScenarioElection,
  electionId: string,
  round: number,
  groups: ScenarioElection['rounds'][number]['ballots'],
  electorate: readonly string[],
  sitting: OpenSitting,
): Promise<RoundReport> {
  const plan = assignVoters(electorate, groups) as PlannedBallot[];
  const roundReport: RoundReport = {
    round,
    purpose: '',
    ballotsCast: 0,
    blank: 0,
    totals: [],
    outcome: '',
    droppedChoices: [],
    recordResultHash: null,
    verified: false,
    verifierOutput: '',
  };
  const name = (what: string) => `${election.ref}: ${round}. tur ${what}`;
  await step(
    context,
    name('yoklama ve giriş / check-in and sign-in'),
    async () => {
      await checkIn(
        context,
        sitting,
        plan.map((b) => b.voter),
      );
      await inParallel(plan, context.concurrency, (b) => signInMember(context, b.voter));
      return plan.length;
    },
    (n) => `${n} voters`,
  );
  const voting = await votingContext(
    context,
    electionId,
    await signInMember(context, plan[0]?.voter ?? context.scenario.committee.members[0]!),
  );
  const onBallot = new Set(voting.options);
  const dropped = new Map<string, number>();
  await step(
    context,
    name('oy verme / casting'),
    async () => {
      await inParallel(plan, context.concurrency, async (ballot) => {
        const ids = ballot.choices.map((ref) => ({ ref, id: memberId(context, ref) }));
        const kept = ids.filter(({ ref, id }) => {
          if (onBallot.has(id)) return true;
          dropped.set(ref, (dropped.get(ref) ?? 0) + 1);
          return false;
        });
        if (kept.length === 0) roundReport.blank += 1;
        await castBallot(
          context,
          electionId,
          voting,
          await signInMember(context, ballot.voter),
          kept.map((c) => c.id),
        );
      });
      return awaitVerified(context, electionId, context.staffToken, plan.length);
    },
    (f) => `cast ${String(f.cast)}, verified ${String(f.verified)}, refused ${String(f.refused)}`,
  );
  roundReport.droppedChoices = [...dropped.entries()].map(([ref, ballots]) => ({
    ref,
    ballots,
    reason: 'not-on-ballot' as const,
  }));
  return roundReport;
}

/**
 * Voting in person: the committee names the sitting of the election's body, so that only members checked
 * in there obtain a credential and cast. An Executive Board election belongs to the board's body while
 * the General Assembly votes, and the service accepts only a sitting of the election's own body
 * (services/elections/src/ballot-box/presence.ts); there the rehearsal cannot require presence and says so.
 */
async function requirePresence(
  context: CouncilContext,
  election: ScenarioElection,
  electionId: string,
  sitting: OpenSitting,
  committeeToken: () => Promise<string>,
  report: ElectionReport,
): Promise<void> {
  if (serviceBodyId(context, election.office, election.body) !== context.bodyIds.get(sitting.bodyRef)) {
    report.presence = 'not-required';
    return;
  }
  await step(context, `${election.ref}: yüz yüze oylama / voting in person`, async () => {
    await context.api.call('elections', 'PUT', `/v1/elections/${electionId}/ballot-box/presence`, {
      token: await committeeToken(),
      body: { sittingId: sitting.sittingId },
    });
    report.presence = 'required';
  });
}
