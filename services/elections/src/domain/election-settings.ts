import type { BodyKind } from '@konsey/contracts';
import { z } from 'zod';

/**
 * How seats are shared between women and men.
 * - `zipper` (fermuar): the list alternates women and men, starting with the gender of the top vote-getter.
 * - `{ minShare }`: women and men each get at least floor(seats × minShare) seats; the rest go by votes.
 * - `none`: seats go by votes alone.
 */
export const ParitySetting = z.union([
  z.literal('zipper'),
  z.literal('none'),
  z.strictObject({ minShare: z.number().gt(0).max(0.5) }),
]);
export type ParitySetting = z.infer<typeof ParitySetting>;

/** What happens when one gender has too few candidates for its reserved seats. */
export const ShortfallSetting = z.enum(['fill-from-others', 'leave-vacant']);
export type ShortfallSetting = z.infer<typeof ShortfallSetting>;

/** How a tie that decides a seat is broken: drawing lots (kura) from a published seed, or a new round. */
export const TieBreakSetting = z.enum(['lot', 'revote']);
export type TieBreakSetting = z.infer<typeof TieBreakSetting>;

/** Which terms count toward the term limit: an unbroken run of terms, or every term ever held. */
export const TermWindowSetting = z.enum(['consecutive', 'lifetime']);
export type TermWindowSetting = z.infer<typeof TermWindowSetting>;

/** What the President's two-thirds and absolute-majority bars are measured against. */
export const PresidentBaseSetting = z.enum(['registered', 'present', 'cast']);
export type PresidentBaseSetting = z.infer<typeof PresidentBaseSetting>;

/** Counting method: one seat by most votes, several seats by most votes, or the President's three rounds. */
export const ElectionMethod = z.enum(['plurality', 'block', 'president-three-rounds']);
export type ElectionMethod = z.infer<typeof ElectionMethod>;

/** What the directive allows when the first meeting lacks a quorum. */
export const QuorumFallbackSetting = z.union([
  z.literal('second-meeting-without-quorum'),
  z.strictObject({ minimumAttendance: z.int().min(1) }),
]);
export type QuorumFallbackSetting = z.infer<typeof QuorumFallbackSetting>;

/** Bodies whose elections apply gender parity by default (DOMAIN.md: decision bodies, 50%). */
const DECISION_BODIES: readonly BodyKind[] = [
  'general-assembly',
  'executive-board',
  'election-committee',
  'evaluation-committee',
];

const fields = {
  /** Counting method. Default `block` (several seats by most votes). */
  method: ElectionMethod.default('block'),
  /** Full (asil) seats. Default 1. */
  seats: z.int().min(1).default(1),
  /** Substitute (yedek) seats, ranked. Default 0. */
  substituteSeats: z.int().min(0).default(0),
  /** Most names a voter may mark; default the number of full seats. */
  maxChoices: z.int().min(1).optional(),
  /** Default `zipper` for decision bodies, `none` for assemblies and working groups. */
  parity: ParitySetting,
  /** Default `fill-from-others` (reported in the result). */
  shortfall: ShortfallSetting.default('fill-from-others'),
  /** Default `lot`. */
  tieBreak: TieBreakSetting.default('lot'),
  /** Most terms in the same office of the same body. Default 2 (at most five years). */
  maxTerms: z.int().min(1).default(2),
  /** Default `consecutive`. */
  window: TermWindowSetting.default('consecutive'),
  /** Default `registered` (üye tam sayısı, the frozen roll). */
  presidentBase: PresidentBaseSetting.default('registered'),
  /** Days of notice before the voting day. Default 15. */
  announcementDays: z.int().min(0).default(15),
  /** Default `second-meeting-without-quorum` (İzmir: one week later). */
  quorumFallback: QuorumFallbackSetting.default('second-meeting-without-quorum'),
};

function withRules<T extends z.ZodType<z.output<typeof ElectionSettingsShape>>>(schema: T) {
  return schema
    .superRefine((settings, context) => {
      if (
        settings.method === 'president-three-rounds' &&
        (settings.seats !== 1 || settings.substituteSeats !== 0)
      )
        context.addIssue({
          code: 'custom',
          path: ['seats'],
          message: 'the President is one seat with no substitutes',
        });
      if (settings.method === 'plurality' && settings.seats !== 1)
        context.addIssue({
          code: 'custom',
          path: ['seats'],
          message: 'plurality elects one seat; use block',
        });
      if (settings.maxChoices !== undefined && settings.maxChoices > settings.seats)
        context.addIssue({
          code: 'custom',
          path: ['maxChoices'],
          message: 'must not exceed the number of seats',
        });
    })
    .transform((settings) => ({ ...settings, maxChoices: settings.maxChoices ?? settings.seats }));
}

const ElectionSettingsShape = z.strictObject({ ...fields, parity: ParitySetting.default('zipper') });

/** The settings of one election, with the defaults of DOMAIN.md for a decision body. */
export const ElectionSettings = withRules(ElectionSettingsShape);
export type ElectionSettings = z.output<typeof ElectionSettings>;
export type ElectionSettingsInput = z.input<typeof ElectionSettings>;

/**
 * The settings schema for an election to a body of the given kind: parity defaults to `zipper` for
 * decision bodies (General Assembly, Executive Board, committees) and to `none` for assemblies and
 * working groups, whose co-spokesperson slots are handled by eligibility instead.
 */
export function electionSettingsFor(bodyKind: BodyKind) {
  const parity: ParitySetting = DECISION_BODIES.includes(bodyKind) ? 'zipper' : 'none';
  return withRules(z.strictObject({ ...fields, parity: ParitySetting.default(parity) }));
}
