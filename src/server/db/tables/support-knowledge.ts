// Kysely's view of the tables of one area: expert support's knowledge and attachments (0038).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { ColumnType, Generated } from 'kysely';
import type { Int8Id, TimestampNullable } from './column-types.ts';

export interface SupportPublicationsTable {
  id: Generated<string>;
  request_id: string;
  city_id: string;
  consent_by: string | null;
  consent_at: TimestampNullable;
  title: Generated<string>;
  question: Generated<string>;
  answer: Generated<string>;
  sectors: Generated<string[]>;
  levers: Generated<string[]>;
  language: Generated<string>;
  published_by: string | null;
  published_at: TimestampNullable;
  version: Generated<number>;
  updated_at: Generated<Date>;
  /** Kept by the database from the texts (migration 0038). */
  search: ColumnType<string | null, never, never>;
}

export interface SupportRequestAttachmentsTable {
  id: Generated<string>;
  seq: Int8Id;
  request_id: string;
  filename: string;
  content_type: 'application/pdf';
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}
