import type { AboutCard, Message, Party } from '../../../shared/exchange.schemas.ts';
import type { AboutRow, MessageRow, PartyRow } from './conversations.repository.ts';

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

/** The about-card, from the names joined to the conversation (null where what it is about is gone). */
export function presentAbout(row: AboutRow): AboutCard {
  switch (row.about_kind) {
    case 'solution': {
      const there = row.about_solution_id !== null && row.about_solution_title !== null;
      return { kind: 'solution', id: there ? row.about_solution_id : null, title: row.about_solution_title, cityName: row.about_solution_city, link: there ? `/solutions/${row.about_solution_id}` : null };
    }
    case 'city': {
      const there = row.about_city_id !== null && row.about_city_slug !== null;
      return { kind: 'city', id: there ? row.about_city_id : null, title: row.about_city_name, cityName: row.about_city_name, link: there ? `/cities/${row.about_city_slug}` : null };
    }
    case 'visit': {
      const there = row.about_visit_id !== null && row.about_visit_host !== null;
      const host = row.about_visit_host;
      return {
        kind: 'visit',
        id: there ? row.about_visit_id : null,
        title: there ? `Study visit to ${host}${row.about_visit_starts_on ? `, ${row.about_visit_starts_on}` : ''}` : null,
        cityName: host,
        link: there ? `/visits/${row.about_visit_id}` : null,
      };
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
