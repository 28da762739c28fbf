import type { Prisma } from '../../generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export interface RollMember {
  memberId: string;
  kind: 'individual' | 'institutional';
  displayName: string;
  representativeName: string | null;
}

export function findRosterBody(db: Db, bodyId: string) {
  return db.rosterBody.findUnique({ where: { bodyId } });
}

/**
 * Active members of the body on `on`: for the general assembly every active member of the council,
 * for another body its active members whose membership covers the day.
 */
export async function countRoll(db: Db, body: { bodyId: string; kind: string }, on: Date): Promise<number> {
  const rows =
    body.kind === 'general-assembly'
      ? await db.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM "roster_members" WHERE "status" = 'active'`
      : await db.$queryRaw<{ count: number }[]>`
          SELECT count(DISTINCT m."member_id")::int AS count
          FROM "roster_body_memberships" b JOIN "roster_members" m ON m."member_id" = b."member_id"
          WHERE b."body_id" = ${body.bodyId}::uuid AND m."status" = 'active'
            AND b."joined_on" <= ${on}::date AND (b."left_on" IS NULL OR b."left_on" > ${on}::date)`;
  return rows[0]!.count;
}

/** The member as the roll of the body sees them on `on`, or undefined when they are not on it. */
export async function findOnRoll(
  db: Db,
  body: { bodyId: string; kind: string },
  memberId: string,
  on: Date,
): Promise<RollMember | undefined> {
  const rows =
    body.kind === 'general-assembly'
      ? await db.$queryRaw<RollMember[]>`
          SELECT "member_id" AS "memberId", "kind"::text AS "kind", "display_name" AS "displayName",
                 "representative_name" AS "representativeName"
          FROM "roster_members" WHERE "member_id" = ${memberId}::uuid AND "status" = 'active'`
      : await db.$queryRaw<RollMember[]>`
          SELECT m."member_id" AS "memberId", m."kind"::text AS "kind", m."display_name" AS "displayName",
                 m."representative_name" AS "representativeName"
          FROM "roster_members" m
          WHERE m."member_id" = ${memberId}::uuid AND m."status" = 'active' AND EXISTS (
            SELECT 1 FROM "roster_body_memberships" b
            WHERE b."body_id" = ${body.bodyId}::uuid AND b."member_id" = m."member_id"
              AND b."joined_on" <= ${on}::date AND (b."left_on" IS NULL OR b."left_on" > ${on}::date))`;
  return rows[0];
}
