import type { TFunction } from 'i18next';
import type { AboutCard, Party } from '../../../shared/exchange.schemas.ts';
import { UNREAD_CAP } from '../../../shared/exchange.schemas.ts';

/** A party as people name it: the city, "the programme team", or the expert. */
export const partyName = (t: TFunction, p: Party) => (p.kind === 'city' ? (p.cityName ?? t('exchange.unknownCity')) : p.kind === 'programme_team' ? t('exchange.programmeTeam') : (p.personName ?? t('exchange.expert')));

/** "3", or "99+" once the server stopped counting. */
export const unreadLabel = (n: number) => (n >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(n));

/** One line for the about-card: what the conversation is about. */
export function aboutLine(t: TFunction, about: AboutCard): string {
  if (about.kind === 'topic') return t('exchange.about.topic');
  if (!about.title) return t('exchange.about.gone');
  if (about.kind === 'solution') return t('exchange.about.solution', { title: about.title, city: about.cityName ?? '' });
  if (about.kind === 'city') return t('exchange.about.city', { city: about.title });
  return t('exchange.about.visit', { title: about.title });
}

/** "Tartu and Valencia", "Tartu, Lahti and Valencia" in the person's language. */
export const listOf = (names: readonly string[], language: string) => new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
