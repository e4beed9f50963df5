import { sql } from 'kysely';
import { proposeMembers } from '../../../domain/groups/propose-members.ts';
import { isSectorCode } from '../../../domain/reference/sectors.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { ProposedCities } from '../../../shared/group-proposal.schemas.ts';
import type { Db } from '../../db/client.ts';
import { assertManager, loadGroup } from './groups.service.ts';

/**
 * The cities a group could invite: those whose priority sectors from the
 * support-needs survey (city_priorities) are among the group's sectors and
 * that are not in it yet, most shared sectors first. For the group's
 * facilitators and programme managers (403 for others).
 */
export async function proposedCities(db: Db, groupId: string, user: CurrentUser): Promise<ProposedCities> {
  const group = await loadGroup(db, groupId);
  await assertManager(db, group, user);
  const sectors = group.sectors;
  const [rows, members] = await Promise.all([
    db
      .selectFrom('city_priorities as p')
      .innerJoin('cities as c', 'c.id', 'p.city_id')
      .select(['c.id', 'c.slug', 'c.name', 'c.country', 'p.sectors'])
      .where(sql<boolean>`p.sectors && ${sql.val(sectors)}::text[]`)
      .execute(),
    db.selectFrom('group_memberships').select('city_id').where('group_id', '=', group.id).execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const proposed = proposeMembers({ sectors }, rows.map((r) => ({ cityId: r.id, name: r.name, prioritySectors: r.sectors })), new Set(members.map((m) => m.city_id)));
  return {
    items: proposed.map((p) => {
      const c = byId.get(p.cityId)!;
      return { city: { id: c.id, slug: c.slug, name: c.name, country: c.country }, sharedSectors: p.sharedSectors.filter(isSectorCode), reason: p.reason };
    }),
  };
}
