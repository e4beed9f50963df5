import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError } from '../../errors.ts';
import { findProgrammeBySlug, type ProgrammeRow } from './programmes.repository.ts';

/** The programme at this address, or the one 404 every module answers for an unknown programme. */
export async function programmeBySlugOrThrow(db: Db, slug: string): Promise<ProgrammeRow> {
  const row = await findProgrammeBySlug(db, slug);
  if (!row) throw new AppError('NOT_FOUND', reason('PROGRAMME_NOT_FOUND', { slug }));
  return row;
}
