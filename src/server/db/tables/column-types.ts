import type { ColumnType } from 'kysely';

// Column types shared by the tables.
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Int8Id = ColumnType<number, never, never>;
/** A jsonb column: written as JSON text, read as the value. */
export type Json<T> = ColumnType<T, string, string>;
