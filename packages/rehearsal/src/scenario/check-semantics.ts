import { electorateOf } from './electorate.js';
import { pointer, type ScenarioProblem } from './scenario-problem.js';
import { GENERAL_ASSEMBLY, type Scenario } from './scenario-types.js';

type Words = { tr: string; en: string };

/**
 * What the schema cannot say: every ref names something that exists, refs are unique, the committee's
 * threshold fits, elections are consistent with their method, and no round has more ballots than its
 * electorate has members. Run only on a document that passed the schema.
 */
export function checkSemantics(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: string, code: string, words: Words) => problems.push({ path, code, ...words });

  const bodies = new Set<string>([GENERAL_ASSEMBLY]);
  (scenario.bodies ?? []).forEach((body, i) => {
    if (bodies.has(body.ref))
      add(pointer('bodies', i, 'ref'), 'duplicate-ref', {
        tr: `"${body.ref}" kurulu birden çok kez tanımlanmış (genel kurul örtük olarak vardır)`,
        en: `body "${body.ref}" is defined more than once (the general assembly is implicit)`,
      });
    bodies.add(body.ref);
  });

  const members = new Map<string, Scenario['members'][number]>();
  scenario.members.forEach((member, i) => {
    if (members.has(member.ref))
      add(pointer('members', i, 'ref'), 'duplicate-ref', {
        tr: `"${member.ref}" üyesi birden çok kez tanımlanmış`,
        en: `member "${member.ref}" is defined more than once`,
      });
    members.set(member.ref, member);
    if (member.kind === 'individual')
      (member.bodies ?? []).forEach((body, j) => {
        if (body === GENERAL_ASSEMBLY || !bodies.has(body))
          add(pointer('members', i, 'bodies', j), 'unknown-ref', {
            tr: `"${body}" adlı bir meclis ya da çalışma grubu yok`,
            en: `no assembly or working group "${body}"`,
          });
      });
  });
  const memberRef = (path: string, ref: string) => {
    if (members.has(ref)) return true;
    add(path, 'unknown-ref', { tr: `"${ref}" adlı bir üye yok`, en: `no member "${ref}"` });
    return false;
  };
  const noRepeats = (base: (string | number)[], refs: readonly string[], what: Words) => {
    const seen = new Set<string>();
    refs.forEach((ref, i) => {
      if (seen.has(ref))
        add(pointer(...base, i), 'duplicate-ref', {
          tr: `"${ref}" ${what.tr} içinde birden çok kez geçiyor`,
          en: `"${ref}" appears more than once in ${what.en}`,
        });
      seen.add(ref);
    });
  };

  (scenario.officesHeld ?? []).forEach((office, i) => {
    memberRef(pointer('officesHeld', i, 'member'), office.member);
    if (!bodies.has(office.body))
      add(pointer('officesHeld', i, 'body'), 'unknown-ref', {
        tr: `"${office.body}" adlı bir kurul yok`,
        en: `no body "${office.body}"`,
      });
    if (Number.isNaN(Date.parse(office.from)))
      add(pointer('officesHeld', i, 'from'), 'bad-date', {
        tr: 'geçerli bir tarih değil',
        en: 'not a real date',
      });
    if (office.to !== undefined && office.to < office.from)
      add(pointer('officesHeld', i, 'to'), 'to-before-from', {
        tr: 'bitiş başlangıçtan önce olamaz',
        en: 'must not be before from',
      });
  });

  const committee = scenario.committee;
  committee.members.forEach((ref, i) => memberRef(pointer('committee', 'members', i), ref));
  noRepeats(['committee', 'members'], committee.members, { tr: 'seçim kurulu', en: 'the committee' });
  if (committee.threshold > committee.members.length)
    add(pointer('committee', 'threshold'), 'threshold-above-members', {
      tr: `eşik (${committee.threshold}) kurul üye sayısını (${committee.members.length}) aşamaz`,
      en: `the threshold (${committee.threshold}) exceeds the committee's ${committee.members.length} members`,
    });

  const electionRefs = new Set<string>();
  scenario.elections.forEach((election, e) => {
    const at = (...rest: (string | number)[]) => pointer('elections', e, ...rest);
    if (electionRefs.has(election.ref))
      add(at('ref'), 'duplicate-ref', {
        tr: `"${election.ref}" seçimi birden çok kez tanımlanmış`,
        en: `election "${election.ref}" is defined more than once`,
      });
    electionRefs.add(election.ref);
    if (!bodies.has(election.body))
      add(at('body'), 'unknown-ref', {
        tr: `"${election.body}" adlı bir kurul yok`,
        en: `no body "${election.body}"`,
      });
    const byAssembly = election.office === 'president' || election.office === 'executive-board';
    if (byAssembly !== (election.body === GENERAL_ASSEMBLY))
      add(at('office'), 'office-body-mismatch', {
        tr: 'başkan ve yürütme kurulunu genel kurul, kolaylaştırıcı ve eş sözcüleri kendi meclisi seçer',
        en: 'the general assembly elects the president and the executive board; a body elects its own facilitator and co-spokespersons',
      });
    const seats = election.seats ?? 1;
    const substitutes = election.substituteSeats ?? 0;
    const maxChoices = election.maxChoices ?? seats;
    if (election.method === 'president-three-rounds' && (seats !== 1 || substitutes !== 0))
      add(at('seats'), 'president-one-seat', {
        tr: 'başkanlık tek koltuktur, yedeksiz',
        en: 'the President is one seat with no substitutes',
      });
    if (election.method === 'president-three-rounds' && election.office !== 'president')
      add(at('method'), 'method-office-mismatch', {
        tr: 'üç turlu yöntem yalnızca başkanlık seçimi içindir',
        en: 'the three-round method is for the President only',
      });
    if (election.office === 'president' && election.method !== 'president-three-rounds')
      add(at('method'), 'method-office-mismatch', {
        tr: 'başkan üç turlu yöntemle seçilir',
        en: 'the President is elected by the three-round method',
      });
    if (election.method === 'plurality' && seats !== 1)
      add(at('seats'), 'plurality-one-seat', {
        tr: 'çoğunluk yöntemi tek koltuk seçer; çok koltuk için block kullanın',
        en: 'plurality elects one seat; use block',
      });
    if (maxChoices > seats)
      add(at('maxChoices'), 'max-choices-above-seats', {
        tr: `işaretlenebilecek ad sayısı (${maxChoices}) koltuk sayısını (${seats}) aşamaz`,
        en: `maxChoices (${maxChoices}) must not exceed the seats (${seats})`,
      });
    election.candidates.forEach((ref, i) => memberRef(at('candidates', i), ref));
    noRepeats(['elections', e, 'candidates'], election.candidates, {
      tr: 'aday listesi',
      en: 'the candidates',
    });
    const maxRounds = election.method === 'president-three-rounds' ? 3 : 1;
    if (
      election.rounds.length > maxRounds &&
      (election.tieBreak ?? scenario.council.settings?.tieBreak) !== 'revote'
    )
      add(at('rounds'), 'too-many-rounds', {
        tr: `bu yöntemde en çok ${maxRounds} tur olur (yeniden oylama için tieBreak: revote)`,
        en: `this method has at most ${maxRounds} round(s) (revote rounds need tieBreak: revote)`,
      });

    const electorate = electorateOf(scenario, election);
    const inElectorate = new Set(electorate);
    const candidates = new Set(election.candidates);
    election.rounds.forEach((round, r) => {
      let cast = 0;
      const voters = new Set<string>();
      round.ballots.forEach((group, g) => {
        const here = (...rest: (string | number)[]) => at('rounds', r, 'ballots', g, ...rest);
        group.choices.forEach((ref, c) => {
          if (!memberRef(here('choices', c), ref)) return;
          if (!candidates.has(ref))
            add(here('choices', c), 'not-a-candidate', {
              tr: `"${ref}" bu seçimin adayları arasında değil`,
              en: `"${ref}" is not among this election's candidates`,
            });
        });
        noRepeats(['elections', e, 'rounds', r, 'ballots', g, 'choices'], group.choices, {
          tr: 'bir oy pusulası',
          en: 'one ballot',
        });
        if (group.choices.length > maxChoices)
          add(here('choices'), 'too-many-choices', {
            tr: `bir oy pusulasında en çok ${maxChoices} ad işaretlenebilir`,
            en: `a ballot marks at most ${maxChoices} name(s)`,
          });
        if (group.voters) {
          if (group.voters.length !== group.count)
            add(here('voters'), 'voters-count-mismatch', {
              tr: `${group.count} oy için ${group.voters.length} seçmen listelenmiş`,
              en: `${group.voters.length} voters listed for ${group.count} ballots`,
            });
          group.voters.forEach((ref, v) => {
            if (!memberRef(here('voters', v), ref)) return;
            if (!inElectorate.has(ref))
              add(here('voters', v), 'voter-not-in-electorate', {
                tr: `"${ref}" bu seçimde oy kullanamaz (seçmen listesinde değil)`,
                en: `"${ref}" may not vote in this election (not in its electorate)`,
              });
            if (voters.has(ref))
              add(here('voters', v), 'voter-twice', {
                tr: `"${ref}" bu turda birden çok oy kullanıyor`,
                en: `"${ref}" casts more than one ballot in this round`,
              });
            voters.add(ref);
          });
        }
        const before = cast;
        cast += group.count;
        if (before <= electorate.length && cast > electorate.length)
          add(here('count'), 'ballots-exceed-electorate', {
            tr: `bu turda ${cast} oy var, seçmen sayısı ise ${electorate.length}`,
            en: `this round has ${cast} ballots but the electorate has ${electorate.length} members`,
          });
      });
    });
  });

  const motionRefs = new Set<string>();
  (scenario.motions ?? []).forEach((motion, m) => {
    if (motionRefs.has(motion.ref))
      add(pointer('motions', m, 'ref'), 'duplicate-ref', {
        tr: `"${motion.ref}" önergesi birden çok kez tanımlanmış`,
        en: `motion "${motion.ref}" is defined more than once`,
      });
    motionRefs.add(motion.ref);
    memberRef(pointer('motions', m, 'submitter'), motion.submitter);
    motion.coSponsors.forEach((ref, i) => {
      memberRef(pointer('motions', m, 'coSponsors', i), ref);
      if (ref === motion.submitter)
        add(pointer('motions', m, 'coSponsors', i), 'co-sponsor-is-submitter', {
          tr: 'önergeyi veren kendi önergesine destekçi olamaz',
          en: 'the submitter cannot co-sponsor their own motion',
        });
    });
    noRepeats(['motions', m, 'coSponsors'], motion.coSponsors, { tr: 'destekçiler', en: 'the co-sponsors' });
    const votes = motion.votes.yes + motion.votes.no + (motion.votes.abstain ?? 0);
    if (votes > scenario.members.length)
      add(pointer('motions', m, 'votes'), 'votes-exceed-members', {
        tr: `${votes} oy var, üye sayısı ise ${scenario.members.length}`,
        en: `${votes} votes but the council has ${scenario.members.length} members`,
      });
  });
  return problems;
}
