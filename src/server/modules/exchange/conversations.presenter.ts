import type { AboutCard, Message, Party } from '../../../shared/exchange.schemas.ts';
import type { AboutRow, MessageRow, PartyRow, aboutTargets } from './conversations.repository.ts';

type Targets = Awaited<ReturnType<typeof aboutTargets>>;

export const presentParty = (p: PartyRow): Party => ({
  id: p.id,
  kind: p.kind,
  cityId: p.city_id,
  cityName: p.city_name,
  citySlug: p.city_slug,
  personName: p.kind === 'expert' ? p.person_name : null,
});

/** How a party is named in emails and notifications. */
export const partyLabel = (p: Pick<PartyRow, 'kind' | 'city_name' | 'person_name'>) =>
  p.kind === 'city' ? (p.city_name ?? 'A city') : p.kind === 'programme_team' ? 'The programme team' : (p.person_name ?? 'An expert');

export function presentAbout(row: AboutRow, targets: Targets): AboutCard {
  switch (row.about_kind) {
    case 'solution': {
      const s = row.about_solution_id ? targets.solutions.get(row.about_solution_id) : undefined;
      return { kind: 'solution', id: s?.id ?? null, title: s?.title ?? null, cityName: s?.city ?? null, link: s ? `/solutions/${s.id}` : null };
    }
    case 'city': {
      const c = row.about_city_id ? targets.cities.get(row.about_city_id) : undefined;
      return { kind: 'city', id: c?.id ?? null, title: c?.name ?? null, cityName: c?.name ?? null, link: c ? `/cities/${c.slug}` : null };
    }
    case 'visit': {
      const v = row.about_visit_id ? targets.visits.get(row.about_visit_id) : undefined;
      return { kind: 'visit', id: v?.id ?? null, title: v ? `Study visit to ${v.host}${v.starts_on ? `, ${v.starts_on}` : ''}` : null, cityName: v?.host ?? null, link: v ? `/visits/${v.id}` : null };
    }
    default:
      return { kind: 'topic', id: null, title: null, cityName: null, link: null };
  }
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentMessage(m: MessageRow, viewer: { personId: string; seesHidden: boolean }, attachments: { id: string; filename: string; size_bytes: number }[]): Message {
  const former = m.author_erased === true;
  const showBody = !m.hidden_at || viewer.seesHidden;
  return {
    id: m.id,
    partyId: m.party_id,
    author: former ? null : m.author_name,
    authorCity: m.party_kind === 'city' ? m.party_city : m.party_kind === 'programme_team' ? 'Programme team' : null,
    authorStatus: former ? 'former' : m.author_disabled ? 'deactivated' : 'active',
    mine: m.author_id === viewer.personId,
    bodyHtml: showBody ? m.body_html : null,
    createdAt: iso(m.created_at),
    hidden: m.hidden_at ? { at: iso(m.hidden_at), reason: m.hidden_reason } : null,
    attachments: showBody ? attachments.map((a) => ({ id: a.id, filename: a.filename, sizeBytes: a.size_bytes })) : [],
  };
}
