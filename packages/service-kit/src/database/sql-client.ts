/**
 * The part of a Prisma client (or transaction client) the kit needs. Every service has its own
 * generated client; the kit only runs raw SQL on its own tables through it.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

/** Runs `work` in one database transaction; the service passes `(work) => prisma.$transaction(work)`. */
export type TransactionRunner<Tx extends SqlClient = SqlClient> = <R>(
  work: (tx: Tx) => Promise<R>,
) => Promise<R>;
