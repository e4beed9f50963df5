import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError } from '../../errors.ts';
import { maySeeProgramme } from './programmes.policy.ts';
import { findProgrammeBySlug, type ProgrammeRow } from './programmes.repository.ts';

/** The programme at this address, or the one 404 every module answers for an unknown programme. */
export async function programmeBySlugOrThrow(db: Db, slug: string): Promise<ProgrammeRow> {
  return visibleProgrammeOrThrow(db, slug, undefined);
}

/**
 * The programme at this address as this reader may see it: a draft exists
 * only for programme managers, everyone else gets the unknown-programme 404.
 * `viewer` undefined: the caller has already decided who may see it.
 */
export async function visibleProgrammeOrThrow(db: Db, slug: string, viewer: CurrentUser | null | undefined): Promise<ProgrammeRow> {
  const row = await findProgrammeBySlug(db, slug);
  if (!row || (viewer !== undefined && !maySeeProgramme(viewer, row))) throw new AppError('NOT_FOUND', reason('PROGRAMME_NOT_FOUND', { slug }));
  return row;
}
