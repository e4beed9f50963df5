import { zonedToUtc } from '../../domain/time/zoned-time.ts';
import { sanitizeRichText } from '../lib/rich-text.ts';
import type { Db } from '../db/client.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import { finishedEditionSlug, openEditionSlug } from './demo-programmes.ts';

const SEED_NAME = 'demo-groups-v1';
const DAY_MS = 24 * 3600 * 1000;

interface DemoGroup {
  programme: 'finished' | 'open';
  name: string;
  sectors: string[];
  language: string;
  facilitator: string;
  cities: string[];
  /** Phases (1-based) each city attended; absent from the map = all phases. */
  attendedPhases?: Record<string, number[]>;
}

const GROUPS: DemoGroup[] = [
  { programme: 'finished', name: 'Energy and buildings (English)', sectors: ['energy', 'buildings'], language: 'en', facilitator: 'facilitator@demo.peercities.eu', cities: ['cologne', 'graz', 'ghent', 'oulu'] },
  { programme: 'finished', name: 'Mobility and nature (English)', sectors: ['mobility', 'nature-based-solutions'], language: 'en', facilitator: 'facilitator2@demo.peercities.eu', cities: ['bilbao', 'brno', 'gdansk', 'plovdiv'] },
  { programme: 'finished', name: 'Circular economy and industry (English)', sectors: ['circular-economy', 'industry'], language: 'en', facilitator: 'facilitator3@demo.peercities.eu', cities: ['tallinn', 'freiburg', 'galway', 'maribor'] },
  {
    programme: 'open',
    name: 'Energy and buildings 2027 (English)',
    sectors: ['energy', 'buildings'],
    language: 'en',
    facilitator: 'facilitator@demo.peercities.eu',
    cities: ['tilburg', 'uppsala', 'kaunas', 'split'],
    attendedPhases: { tilburg: [1, 2, 3, 4], uppsala: [1, 2, 3], kaunas: [1, 2], split: [1] },
  },
  {
    programme: 'open',
    name: 'Mobility and public space 2027 (English)',
    sectors: ['mobility', 'nature-based-solutions'],
    language: 'en',
    facilitator: 'facilitator2@demo.peercities.eu',
    cities: ['poznan', 'malaga', 'odense', 'limerick'],
    attendedPhases: { poznan: [1, 2, 3, 4], malaga: [1, 2, 3, 4], odense: [2, 3], limerick: [] },
  },
];

const THREADS = [
  {
    title: 'District heating: where did you start?',
    posts: [
      '<p>We are drafting our heat plan. How did Mission Cities decide between <strong>waste heat</strong> and <strong>heat pumps</strong>?</p>',
      '<p>Espoo combines data-centre waste heat with heat pumps; their solution page in the library has the details.</p>',
    ],
  },
  { title: 'Materials from the phase 2 meeting', posts: ['<p>The slides and the recording are linked in the meeting agenda. Questions welcome here.</p>'] },
];

/**
 * Demo discussion groups: three finished groups of the 2025 edition (every
 * visiting city completed the four phases) and two running groups of the 2027
 * edition at different stages, with meetings, attendance and a few threads.
 * Each city gets a demo representative (firstname@demo.peercities.eu style).
 */
export async function seedGroupsDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const manager = await trx.selectFrom('people').select(['id', 'password_hash']).where('email', '=', 'manager@demo.peercities.eu').executeTakeFirst();
    if (!manager) return false;
    const programmes = await trx.selectFrom('programmes').select(['id', 'slug', 'settings']).execute();
    const cities = await trx.selectFrom('cities').select(['id', 'slug', 'name']).execute();
    const facilitators = await trx.selectFrom('people').select(['id', 'email']).where('email', 'like', 'facilitator%@demo.peercities.eu').execute();

    for (const g of GROUPS) {
      const slug = g.programme === 'finished' ? finishedEditionSlug(cal) : openEditionSlug(cal);
      const programme = programmes.find((p) => p.slug === slug);
      const facilitator = facilitators.find((f) => f.email === g.facilitator);
      if (!programme || !facilitator) continue;
      const phases = await trx.selectFrom('learning_phases').select(['number', 'starts_on']).where('programme_id', '=', programme.id).orderBy('number').execute();
      const { id: groupId } = await trx
        .insertInto('discussion_groups')
        .values({ programme_id: programme.id, name: g.name.replace('2027', String(cal.year(2027))), sectors: g.sectors, language: g.language, capacity: 6, description: 'A facilitated group of the online learning phases. (Demo data.)' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('group_facilitators').values({ group_id: groupId, person_id: facilitator.id }).execute();

      // Cities were admitted as the learning phases began.
      const admittedAt = phases[0] ? zonedToUtc(phases[0].starts_on, '09:00', programme.settings.timeZone) : cal.seededAt;
      const members: { cityId: string; slug: string; personId: string }[] = [];
      for (const slug of g.cities) {
        const city = cities.find((c) => c.slug === slug);
        if (!city) continue;
        await trx.insertInto('group_memberships').values({ group_id: groupId, city_id: city.id, status: 'admitted', sectors: g.sectors, decided_by: facilitator.id, decided_at: admittedAt }).execute();
        const email = `${slug}@demo.peercities.eu`;
        const existing = await trx.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
        const personId =
          existing?.id ??
          (await trx.insertInto('people').values({ email, name: `${city.name} representative`, password_hash: manager.password_hash }).returning('id').executeTakeFirstOrThrow()).id;
        if (!existing) await trx.insertInto('role_grants').values({ person_id: personId, role: 'city_representative', city_id: city.id, primary_contact: true }).execute();
        members.push({ cityId: city.id, slug, personId });
      }

      for (const phase of phases) {
        const day = new Date(`${phase.starts_on}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + 14);
        const local = day.toISOString().slice(0, 10);
        const { id: meetingId } = await trx
          .insertInto('group_meetings')
          .values({
            group_id: groupId,
            phase_number: phase.number,
            title: `Phase ${phase.number} meeting`,
            starts_at: zonedToUtc(local, '10:00', programme.settings.timeZone),
            duration_minutes: 90,
            join_url: 'https://meet.example.org/peercities-demo',
            agenda: 'Introductions, a Mission City presents, questions, next steps.',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const attendance = members
          .filter((m) => (g.attendedPhases ? (g.attendedPhases[m.slug] ?? []).includes(phase.number) : true))
          .map((m) => ({ meeting_id: meetingId, person_id: m.personId, city_id: m.cityId, status: 'present' as const, recorded_by: facilitator.id }));
        if (attendance.length) await trx.insertInto('meeting_attendance').values(attendance).execute();
      }

      for (const [n, thread] of THREADS.entries()) {
        // Posted in the days before the first start (from 3 December 2026, reference day), a day apart, in the morning.
        const postedAt = (i: number) => cal.instant(new Date(Date.parse('2026-12-03T09:30:00Z') + (2 * n + i) * DAY_MS).toISOString());
        const { id: threadId } = await trx
          .insertInto('group_threads')
          .values({ group_id: groupId, title: thread.title, created_by: members[0]?.personId ?? facilitator.id, post_count: thread.posts.length, created_at: postedAt(0), last_post_at: postedAt(thread.posts.length - 1) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('group_posts')
          .values(thread.posts.map((body, i) => ({ thread_id: threadId, author_id: i % 2 === 0 ? (members[0]?.personId ?? facilitator.id) : facilitator.id, body_html: sanitizeRichText(body), created_at: postedAt(i) })))
          .execute();
      }
    }
    return true;
  });
}
