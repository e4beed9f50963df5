import { englishText } from '../../../shared/reason-texts.ts';
import type { WorkDateMeaning } from '../../../shared/work.schemas.ts';
import type { OutgoingEmail } from '../email/outbox.repository.ts';
import type { QueuedItem } from './work.presenter.ts';

const signature = '\n\n—\npeercities: city-to-city learning for climate neutrality';
const WHEN: Record<WorkDateMeaning, string> = { due: 'due', closes: 'closed', starts: 'started', held: 'held', since: 'waiting since' };

const format = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));

/** One email listing what is overdue on a person's start page, each item with its date (in its programme's time zone) and link. */
export function workReminderEmail(i: { to: string; name: string; items: readonly QueuedItem[]; publicUrl: string }): OutgoingEmail {
  const [first] = i.items;
  const lines = i.items.map((item) => {
    const when = item.date && item.dateMeaning ? ` (${WHEN[item.dateMeaning]} ${format(item.date, item.timeZone)}, ${item.timeZone} time)` : '';
    return `- ${englishText(item.label)}${when}\n  ${i.publicUrl}${item.link}`;
  });
  return {
    to: i.to,
    subject: i.items.length === 1 && first ? `Overdue: ${englishText(first.label)}` : `${i.items.length} things are overdue on peercities`,
    text:
      `Hello ${i.name},\n\n${i.items.length === 1 ? 'this is overdue and needs you' : 'these are overdue and need you'}:\n\n${lines.join('\n\n')}\n\n` +
      `Your start page lists everything that needs you, most urgent first:\n${i.publicUrl}/start${signature}`,
  };
}
