import type { BodyKind, Gender, MemberKind, MemberStatus, Office, Seat } from '@konsey/contracts';
import type { ReservedGender } from './candidate-total.js';
import type { TermWindowSetting } from './election-settings.js';
import { GENDER_PLURAL } from './gender-names.js';
import { OFFICE_HELD, joinList } from './office-names.js';
import type { Reason } from './reason.js';
import { type HeldOffice, type TermSlot, countedTerms, termYears } from './term-limit.js';

/** Why a member may not stand. Codes are stable; reasons are for people. */
export type IneligibilityCode =
  | 'membership-ended'
  | 'suspended'
  | 'not-in-electorate-body'
  | 'no-full-representative'
  | 'term-limit'
  | 'gender-slot';

export interface Ineligibility {
  code: IneligibilityCode;
  reason: Reason;
}

/** Who wants to stand. */
export interface EligibilityCandidate {
  memberId: string;
  kind: MemberKind;
  status: MemberStatus;
  gender: Gender;
  /**
   * Whether the member holds an active membership of the electing body. Ignored for the General
   * Assembly, to which every active member belongs.
   */
  inElectorateBody: boolean;
  /** For an institution: the seat of the representative acting for it; only the full (asil) one may. */
  actingRepresentative?: { seat: Seat } | null;
  /** Offices held, from the office history (any office, any body; the rule picks the ones that count). */
  officeHistory: readonly HeldOffice[];
}

/** The election the candidacy is for. */
export interface EligibilityElection {
  office: Office;
  bodyId: string;
  /** The kind of body whose members elect (the electorate). */
  electorateBodyKind: BodyKind;
  /** The term the election fills. */
  forTerm: TermSlot;
  /** For a co-spokesperson election: the place stood for (one woman and one man are elected). */
  slot?: ReservedGender;
}

export type EligibilityResult = { eligible: true } | { eligible: false; refusals: Ineligibility[] };

/**
 * Whether a member may stand in an election, with every reason that refuses them (not only the first):
 * an active member (not terminated, not suspended) of the electing body — for the General Assembly every
 * active member; an institution only through its full representative — within the term limit (see
 * `countedTerms`: at most `maxTerms` terms in the same office of the same body, consecutive or over a
 * lifetime), and, for co-spokespersons, of the gender of the place (one woman and one man; members of
 * other or undisclosed gender cannot hold these reserved places).
 */
export function checkEligibility(options: {
  candidate: EligibilityCandidate;
  election: EligibilityElection;
  settings: { maxTerms: number; window: TermWindowSetting };
}): EligibilityResult {
  const { candidate, election, settings } = options;
  const refusals: Ineligibility[] = [];
  if (candidate.status === 'terminated')
    refusals.push({
      code: 'membership-ended',
      reason: { tr: 'Üyeliği sona ermiş', en: 'Membership has ended' },
    });
  if (candidate.status === 'suspended')
    refusals.push({
      code: 'suspended',
      reason: { tr: 'Üyeliği askıya alınmış', en: 'Membership is suspended' },
    });
  if (election.electorateBodyKind !== 'general-assembly' && !candidate.inElectorateBody)
    refusals.push({
      code: 'not-in-electorate-body',
      reason: {
        tr: 'Seçimi yapan organın etkin üyesi değil',
        en: 'Not an active member of the electing body',
      },
    });
  if (candidate.kind === 'institutional' && candidate.actingRepresentative?.seat !== 'full')
    refusals.push({
      code: 'no-full-representative',
      reason: {
        tr: 'Kurum yalnızca asil temsilcisi aracılığıyla aday olabilir',
        en: 'An institution stands only through its full representative',
      },
    });
  const termLimit = checkTermLimit(candidate.officeHistory, election, settings);
  if (termLimit) refusals.push(termLimit);
  if (election.office === 'co-spokesperson') {
    const fits = election.slot
      ? candidate.gender === election.slot
      : candidate.gender === 'female' || candidate.gender === 'male';
    if (!fits) {
      const place = election.slot ? GENDER_PLURAL[election.slot] : undefined;
      refusals.push({
        code: 'gender-slot',
        reason: place
          ? {
              tr: `Bu eş sözcülük yeri ${place.tr} için ayrılmış`,
              en: `This co-spokesperson place is reserved for ${place.en}`,
            }
          : {
              tr: 'Eş sözcülük yerleri bir kadın ve bir erkek içindir',
              en: 'The co-spokesperson places are for one woman and one man',
            },
      });
    }
  }
  return refusals.length === 0 ? { eligible: true } : { eligible: false, refusals };
}

function checkTermLimit(
  history: readonly HeldOffice[],
  election: EligibilityElection,
  settings: { maxTerms: number; window: TermWindowSetting },
): Ineligibility | undefined {
  const terms = countedTerms({
    history,
    office: election.office,
    bodyId: election.bodyId,
    forTerm: election.forTerm,
    window: settings.window,
  });
  if (terms.length < settings.maxTerms) return undefined;
  const years = terms.map(termYears);
  const office = OFFICE_HELD[election.office];
  const consecutive = settings.window === 'consecutive';
  return {
    code: 'term-limit',
    reason: {
      tr:
        `${office.tr} ${joinList(years, 've')} dönemlerinde${consecutive ? ' üst üste' : ''} yürüttü; ` +
        `aynı göreve${consecutive ? ' üst üste' : ''} en çok ${settings.maxTerms} dönem aday olunabilir`,
      en:
        `held ${office.en} ${joinList(years, 'and')}; ` +
        `the limit is ${settings.maxTerms} ${consecutive ? 'consecutive terms' : 'terms in a lifetime'} in the same office`,
    },
  };
}
