import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One column as the Prisma schema declares it. */
export interface DeclaredColumn {
  table: string;
  column: string;
  prismaType: string;
  nullable: boolean;
  nativeType: string | undefined;
  isEnum: boolean;
}

const SCALARS = new Set([
  'String',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'Boolean',
  'DateTime',
  'Json',
  'Bytes',
]);

/**
 * The tables and scalar columns that the `.prisma` files of a folder declare: enough of the schema to
 * compare with a migrated database when Prisma's own diff engine is not available. Relation fields,
 * composite types and views are outside what Konsey's schemas use and are not read.
 */
export async function readDeclaredColumns(schemaDir: string): Promise<DeclaredColumn[]> {
  const files = (await readdir(schemaDir)).filter((name) => name.endsWith('.prisma')).sort();
  const text = (await Promise.all(files.map((name) => readFile(join(schemaDir, name), 'utf8')))).join('\n');
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((match) => match[1]!));
  const columns: DeclaredColumn[] = [];
  for (const [, model, body] of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const table = body!.match(/@@map\("([^"]+)"\)/)?.[1] ?? model!;
    for (const line of body!.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim())) {
      const field = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!field) continue;
      const [, name, type, list, optional, attributes] = field;
      const isEnum = enums.has(type!);
      if (!SCALARS.has(type!) && !isEnum) continue;
      columns.push({
        table,
        column: attributes!.match(/@map\("([^"]+)"\)/)?.[1] ?? name!,
        prismaType: list ? `${type}[]` : type!,
        nullable: optional === '?',
        nativeType: attributes!.match(/@db\.(\w+)/)?.[1],
        isEnum,
      });
    }
  }
  return columns;
}
