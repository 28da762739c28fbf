import pg from 'pg';
import { readDeclaredColumns, type DeclaredColumn } from './prisma-schema-model.js';

/** PostgreSQL types Prisma maps each schema type to (default first, then the native types it allows). */
const ACCEPTED_TYPES: Record<string, string[]> = {
  String: ['text', 'character varying', 'uuid', 'character'],
  Int: ['integer', 'smallint'],
  BigInt: ['bigint'],
  Float: ['double precision', 'real'],
  Decimal: ['numeric'],
  Boolean: ['boolean'],
  DateTime: ['timestamp without time zone', 'timestamp with time zone', 'date', 'time without time zone'],
  Json: ['jsonb', 'json'],
  Bytes: ['bytea'],
};

const NATIVE_TYPES: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'character varying',
  Timestamptz: 'timestamp with time zone',
  Timestamp: 'timestamp without time zone',
  Date: 'date',
  JsonB: 'jsonb',
  Json: 'json',
  Integer: 'integer',
  SmallInt: 'smallint',
  BigInt: 'bigint',
};

interface ActualColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

function expectedTypeOf(column: DeclaredColumn): string[] {
  if (column.isEnum) return ['USER-DEFINED'];
  if (column.nativeType) return [NATIVE_TYPES[column.nativeType] ?? column.nativeType.toLowerCase()];
  if (column.prismaType === 'DateTime') return ['timestamp without time zone'];
  if (column.prismaType === 'Json') return ['jsonb'];
  if (column.prismaType === 'String') return ['text'];
  return ACCEPTED_TYPES[column.prismaType] ?? [column.prismaType.toLowerCase()];
}

/**
 * Differences between a migrated database and the Prisma schema (tables, columns, types, nullability):
 * the guard that hand-written migrations match the schema the client was generated from.
 * An empty list means no drift.
 */
export async function findSchemaDrift(options: {
  databaseUrl: string;
  schemaDir: string;
}): Promise<string[]> {
  const declared = await readDeclaredColumns(options.schemaDir);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let actual: ActualColumn[];
  try {
    ({ rows: actual } = await client.query<ActualColumn>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    ));
  } finally {
    await client.end();
  }
  const key = (table: string, column: string) => `${table}.${column}`;
  const actualByKey = new Map(actual.map((column) => [key(column.table_name, column.column_name), column]));
  const declaredKeys = new Set(declared.map((column) => key(column.table, column.column)));
  const drift: string[] = [];
  for (const column of declared) {
    const found = actualByKey.get(key(column.table, column.column));
    const name = key(column.table, column.column);
    if (!found) {
      drift.push(`${name}: in the schema, missing from the database`);
      continue;
    }
    if (!expectedTypeOf(column).includes(found.data_type)) {
      drift.push(
        `${name}: schema type ${column.prismaType}${column.nativeType ? ` @db.${column.nativeType}` : ''}, database type ${found.data_type}`,
      );
    }
    if (column.isEnum && found.udt_name !== column.prismaType) {
      drift.push(`${name}: schema enum ${column.prismaType}, database type ${found.udt_name}`);
    }
    if (column.nullable !== (found.is_nullable === 'YES')) {
      drift.push(
        `${name}: schema says ${column.nullable ? 'nullable' : 'required'}, database says ${found.is_nullable === 'YES' ? 'nullable' : 'NOT NULL'}`,
      );
    }
  }
  for (const column of actual) {
    if (!declaredKeys.has(key(column.table_name, column.column_name))) {
      drift.push(`${key(column.table_name, column.column_name)}: in the database, missing from the schema`);
    }
  }
  return drift.sort();
}
