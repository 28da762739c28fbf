import type { Language, Role } from '@konsey/contracts';
import type { MembershipTx } from '../../membership-prisma.js';
import type { LockoutState } from '../domain/lockout.js';

type Db = MembershipTx;

export type AccountKind = 'member' | 'staff';

/** An account as the auth module reads it; the password hash never leaves the app layer. */
export interface AccountRecord {
  id: string;
  kind: AccountKind;
  memberId: string | null;
  email: string;
  displayName: string | null;
  language: Language;
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  roles: Role[];
}

const withRoles = { roles: { orderBy: { role: 'asc' as const } } };

type Row = NonNullable<Awaited<ReturnType<Db['account']['findUnique']>>> & { roles: { role: string }[] };

function toRecord(row: Row): AccountRecord {
  return {
    id: row.id,
    kind: row.kind as AccountKind,
    memberId: row.memberId,
    email: row.email,
    displayName: row.displayName,
    language: row.language as Language,
    passwordHash: row.passwordHash,
    failedSignIns: row.failedSignIns,
    lockedUntil: row.lockedUntil,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    roles: row.roles.map((entry) => entry.role as Role),
  };
}

/** E-mail addresses are compared lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRecord | undefined> {
  const row = await db.account.findUnique({ where: { email: normaliseEmail(email) }, include: withRoles });
  return row ? toRecord(row) : undefined;
}

export async function findAccountById(db: Db, id: string): Promise<AccountRecord | undefined> {
  const row = await db.account.findUnique({ where: { id }, include: withRoles });
  return row ? toRecord(row) : undefined;
}

export async function findAccountByMemberId(db: Db, memberId: string): Promise<AccountRecord | undefined> {
  const row = await db.account.findUnique({ where: { memberId }, include: withRoles });
  return row ? toRecord(row) : undefined;
}

/** The account behind a token subject: the member id of a member's account, or a staff account's id. */
export async function findAccountBySubject(db: Db, subject: string): Promise<AccountRecord | undefined> {
  const row = await db.account.findFirst({
    where: { OR: [{ memberId: subject }, { id: subject, kind: 'staff' }] },
    include: withRoles,
  });
  return row ? toRecord(row) : undefined;
}

/** Lock the account row for the rest of the transaction, so concurrent sign-ins count failures exactly. */
export async function lockAccount(db: Db, id: string): Promise<AccountRecord | undefined> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM accounts WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length ? findAccountById(db, id) : undefined;
}

export async function updateLockout(db: Db, id: string, state: LockoutState, now: Date): Promise<void> {
  await db.account.update({
    where: { id },
    data: { failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil, updatedAt: now },
  });
}

export async function updatePasswordHash(db: Db, id: string, passwordHash: string, now: Date): Promise<void> {
  await db.account.update({ where: { id }, data: { passwordHash, updatedAt: now } });
}

export async function insertAccount(
  db: Db,
  account: {
    id: string;
    kind: AccountKind;
    memberId: string | null;
    email: string;
    displayName: string | null;
    language: Language;
    passwordHash: string | null;
    roles: readonly Role[];
    grantedBy: string;
    now: Date;
  },
): Promise<AccountRecord> {
  await db.account.create({
    data: {
      id: account.id,
      kind: account.kind,
      memberId: account.memberId,
      email: normaliseEmail(account.email),
      displayName: account.displayName,
      language: account.language,
      passwordHash: account.passwordHash,
      createdAt: account.now,
      updatedAt: account.now,
      roles: {
        create: account.roles.map((role) => ({ role, grantedBy: account.grantedBy, grantedAt: account.now })),
      },
    },
  });
  return (await findAccountById(db, account.id))!;
}

export async function emailInUse(db: Db, email: string): Promise<boolean> {
  return (await db.account.count({ where: { email: normaliseEmail(email) } })) > 0;
}

export async function insertRole(
  db: Db,
  entry: { accountId: string; role: Role; grantedBy: string; now: Date },
): Promise<boolean> {
  const result = await db.accountRole.createMany({
    data: [
      { accountId: entry.accountId, role: entry.role, grantedBy: entry.grantedBy, grantedAt: entry.now },
    ],
    skipDuplicates: true,
  });
  return result.count > 0;
}

export async function deleteRole(db: Db, accountId: string, role: Role): Promise<boolean> {
  return (await db.accountRole.deleteMany({ where: { accountId, role } })).count > 0;
}

/** Operators on accounts that can still sign in. Callers lock the operators' rows first. */
export async function lockOperatorAccounts(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ account_id: string }[]>`
    SELECT r.account_id FROM account_roles r JOIN accounts a ON a.id = r.account_id
     WHERE r.role = 'operator' AND a.disabled_at IS NULL
     ORDER BY r.account_id FOR UPDATE OF r`;
  return rows.map((row) => row.account_id);
}

/** The bodies a member currently sits in, for the `bodies` claim. */
export async function currentBodiesOfMember(db: Db, memberId: string): Promise<string[]> {
  const rows = await db.bodyMembership.findMany({
    where: { memberId, leftOn: null },
    select: { bodyId: true },
    orderBy: { bodyId: 'asc' },
  });
  return rows.map((row) => row.bodyId);
}

export async function memberStatusOf(db: Db, memberId: string): Promise<string | undefined> {
  return (await db.member.findUnique({ where: { id: memberId }, select: { status: true } }))?.status;
}
