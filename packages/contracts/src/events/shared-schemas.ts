import { z } from 'zod';

export const Uuid = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true });
export const CalendarDate = z.iso.date();

/** A local period of five years, split into term 1 (two years) and term 2 (three years). */
export const TermNumber = z.union([z.literal(1), z.literal(2)]);

/** The name a person chose to show; never a national id or a contact detail. */
export const DisplayName = z.string().min(1).max(200);
