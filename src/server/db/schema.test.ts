import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { migrate } from './migrate.ts';
import { createTestDatabase } from '../test-support/test-database.ts';

/**
 * schema.ts is Kysely's view of the tables; nothing checks it against the SQL
 * at compile time. This test reads the interfaces with the TypeScript parser
 * and compares them with the migrated database's information_schema, as the
 * OpenAPI drift test does for the API.
 */

type Kind = 'text' | 'number' | 'boolean' | 'timestamp' | 'array' | 'json' | 'bytes';

interface DeclaredColumn {
  kind: Kind;
  nullable: boolean;
  /** Generated<…> or not insertable: the database must fill it in. */
  filledByDatabase: boolean;
}

/** Columns a trigger fills in (migration 0012), so schema.ts rightly lets inserts leave them out. */
const FILLED_BY_TRIGGERS = new Set(['solutions.city_country', 'solutions.city_kind']);

/** Tables the migration runner keeps for itself. */
const RUNNER_TABLES = new Set(['schema_migrations']);

function declaredSchema(): Map<string, Map<string, DeclaredColumn>> {
  const file = fileURLToPath(new URL('./schema.ts', import.meta.url));
  const program = ts.createProgram([file], { strict: true, noEmit: true, allowImportingTsExtensions: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error('schema.ts not found');
  const database = source.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === 'Database');
  if (!database) throw new Error('schema.ts has no Database interface');

  const isNull = (type: ts.Type) => (type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
  const kindOfType = (type: ts.Type, where: string): Kind => {
    if (type.flags & (ts.TypeFlags.StringLike)) return 'text';
    if (type.flags & ts.TypeFlags.NumberLike) return 'number';
    if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (type.isUnion()) {
      const kinds = new Set(type.types.filter((t) => !isNull(t)).map((t) => kindOfType(t, where)));
      if (kinds.size !== 1) throw new Error(`${where}: a union of different kinds of value`);
      return [...kinds][0]!;
    }
    const symbol = type.getSymbol()?.getName();
    if (symbol === 'Date') return 'timestamp';
    if (symbol === 'Uint8Array' || symbol === 'Buffer') return 'bytes';
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      // Arrays of scalars are PostgreSQL arrays; arrays of objects are JSON documents.
      return element && kindOfType(element, where) !== 'json' ? 'array' : 'json';
    }
    return 'json';
  };

  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const tableProperty of checker.getTypeAtLocation(database).getProperties()) {
    const tableType = checker.getTypeOfSymbol(tableProperty);
    const columns = new Map<string, DeclaredColumn>();
    for (const columnProperty of tableType.getProperties()) {
      const where = `${tableProperty.getName()}.${columnProperty.getName()}`;
      const columnType = checker.getTypeOfSymbol(columnProperty);
      // Kysely's ColumnType<Select, Insert, Update> (and Generated<T>) carry the three types as phantom properties.
      const select = columnType.getProperty('__select__');
      const insert = columnType.getProperty('__insert__');
      const selected = select ? checker.getTypeOfSymbol(select) : columnType;
      const inserted = insert ? checker.getTypeOfSymbol(insert) : columnType;
      const optionalOnInsert =
        (inserted.flags & ts.TypeFlags.Never) !== 0 || (inserted.isUnion() && inserted.types.some((t) => (t.flags & ts.TypeFlags.Undefined) !== 0));
      const nullable = selected.isUnion() ? selected.types.some(isNull) : isNull(selected);
      columns.set(columnProperty.getName(), { kind: kindOfType(selected, where), nullable, filledByDatabase: optionalOnInsert && !nullable });
    }
    tables.set(tableProperty.getName(), columns);
  }
  return tables;
}

interface ActualColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  udt_name: string;
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: string;
}

function kindOf(column: ActualColumn): Kind {
  switch (column.data_type) {
    case 'text':
    case 'character varying':
    case 'character':
    case 'uuid':
    case 'date':
    case 'time without time zone':
    case 'tsvector':
    case 'inet':
      return 'text';
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'numeric':
    case 'real':
    case 'double precision':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return 'timestamp';
    case 'ARRAY':
      return 'array';
    case 'json':
    case 'jsonb':
      return 'json';
    case 'bytea':
      return 'bytes';
    case 'USER-DEFINED':
      return column.udt_name === 'citext' ? 'text' : 'json';
    default:
      throw new Error(`No TypeScript kind for ${column.table_name}.${column.column_name} (${column.data_type})`);
  }
}

let handle: DatabaseHandle;
let drop: () => Promise<void>;
let actual: Map<string, Map<string, ActualColumn>>;
const declared = declaredSchema();

beforeAll(async () => {
  const test = await createTestDatabase();
  drop = test.drop;
  handle = await openDatabase(test.database);
  await migrate(handle.db);
  const rows = await sql<ActualColumn>`
    SELECT c.table_name, c.column_name, c.is_nullable, c.data_type, c.udt_name, c.column_default, c.is_identity, c.is_generated
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(handle.db);
  actual = new Map();
  for (const row of rows.rows) {
    if (RUNNER_TABLES.has(row.table_name)) continue;
    const table = actual.get(row.table_name) ?? new Map<string, ActualColumn>();
    table.set(row.column_name, row);
    actual.set(row.table_name, table);
  }
});
afterAll(async () => {
  await handle?.close();
  await drop?.();
});

describe('schema.ts against the migrated database', () => {
  it('declares exactly the tables the migrations create', () => {
    expect([...declared.keys()].sort()).toEqual([...actual.keys()].sort());
  });

  it('declares exactly the columns of every table', () => {
    const differences: string[] = [];
    for (const [table, columns] of actual) {
      const mine = [...(declared.get(table)?.keys() ?? [])].sort();
      const theirs = [...columns.keys()].sort();
      if (mine.join() !== theirs.join()) differences.push(`${table}: schema.ts [${mine.join(', ')}] ≠ database [${theirs.join(', ')}]`);
    }
    expect(differences).toEqual([]);
  });

  it('gives every column the nullability, kind of type and defaults the database has', () => {
    const differences: string[] = [];
    for (const [table, columns] of actual) {
      for (const [name, column] of columns) {
        const mine = declared.get(table)?.get(name);
        if (!mine) continue;
        const where = `${table}.${name}`;
        const nullable = column.is_nullable === 'YES';
        if (mine.nullable !== nullable) differences.push(`${where}: ${nullable ? 'NULL allowed in the database' : 'NOT NULL in the database'}, schema.ts says ${mine.nullable ? 'nullable' : 'not nullable'}`);
        if (mine.kind !== kindOf(column)) differences.push(`${where}: ${column.data_type} in the database, ${mine.kind} in schema.ts`);
        const filled = column.column_default !== null || column.is_identity === 'YES' || column.is_generated === 'ALWAYS' || FILLED_BY_TRIGGERS.has(where);
        if (mine.filledByDatabase && !filled) differences.push(`${where}: Generated in schema.ts but the database has no default`);
      }
    }
    expect(differences).toEqual([]);
  });
});
