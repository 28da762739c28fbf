import { z } from 'zod';

/** The separately deployed services of the suite. */
export const ServiceName = z.enum(['membership', 'elections', 'motions', 'notifications']);
export type ServiceName = z.infer<typeof ServiceName>;

/** Gender as the member declares it; `other` and `undisclosed` are eligible for every unreserved seat. */
export const Gender = z.enum(['female', 'male', 'other', 'undisclosed']);
export type Gender = z.infer<typeof Gender>;

export const MemberKind = z.enum(['individual', 'institutional']);
export type MemberKind = z.infer<typeof MemberKind>;

export const MemberStatus = z.enum(['active', 'suspended', 'terminated']);
export type MemberStatus = z.infer<typeof MemberStatus>;

/** Organs of a Kent Konseyi (Genel Kurul, Yürütme Kurulu, Meclisler, Çalışma Grupları, kurullar). */
export const BodyKind = z.enum([
  'general-assembly',
  'executive-board',
  'assembly',
  'working-group',
  'election-committee',
  'evaluation-committee',
]);
export type BodyKind = z.infer<typeof BodyKind>;

/** Offices that are elected or appointed and count toward term limits. */
export const Office = z.enum([
  'president',
  'executive-board',
  'secretary-general',
  'facilitator',
  'co-spokesperson',
]);
export type Office = z.infer<typeof Office>;

/** Asil (full) or yedek (substitute). */
export const Seat = z.enum(['full', 'substitute']);
export type Seat = z.infer<typeof Seat>;

/** Languages people read; Turkish first. */
export const Language = z.enum(['tr', 'en']);
export type Language = z.infer<typeof Language>;

/** Kinds of institution that may join; DERBİS numbers apply to associations and foundations. */
export const InstitutionKind = z.enum([
  'association',
  'foundation',
  'chamber',
  'union',
  'university',
  'public-body',
  'other',
]);
export type InstitutionKind = z.infer<typeof InstitutionKind>;

/** What a review decides about an application. */
export const ApplicationOutcome = z.enum(['approved', 'rejected', 'returned']);
export type ApplicationOutcome = z.infer<typeof ApplicationOutcome>;

/** How an office held came to an end. */
export const OfficeEndReason = z.enum([
  'term-completed',
  'resigned',
  'replaced',
  'removed',
  'membership-ended',
  'deceased',
]);
export type OfficeEndReason = z.infer<typeof OfficeEndReason>;

/** Where an office record came from. */
export const OfficeRecordSource = z.enum(['election', 'import', 'staff']);
export type OfficeRecordSource = z.infer<typeof OfficeRecordSource>;

/** Topics of motions (önerge). */
export const MotionTopic = z.enum([
  'planning',
  'infrastructure',
  'environment',
  'transport',
  'culture',
  'social',
  'other',
]);
export type MotionTopic = z.infer<typeof MotionTopic>;

/** What the municipal council decided about a motion. */
export const MunicipalOutcome = z.enum(['accepted', 'rejected', 'amended', 'referred-to-commission']);
export type MunicipalOutcome = z.infer<typeof MunicipalOutcome>;

/** How a poll's majority is counted: of the members present, or of the votes cast. */
export const PollMajority = z.enum(['present', 'cast']);
export type PollMajority = z.infer<typeof PollMajority>;
