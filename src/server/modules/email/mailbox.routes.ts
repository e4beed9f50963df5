import { MailboxPage } from '../../../shared/mailbox.schemas.ts';
import { PageQuery } from '../../../shared/pagination.ts';
import { rankOf } from '../../../domain/people/role-rank.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { listOutbox } from './outbox.repository.ts';

/**
 * The development mailbox: registered only without SMTP_URL (app.ts), and it
 * never shows the mail — reset and invitation links — of people whose role
 * ranks as high as the reader's or higher (decision 0025).
 */
export async function mailboxRoutes(app: App) {
  app.get('/api/mailbox', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['email'], summary: 'Outgoing email, newest first (the development mailbox, only without SMTP; never the mail of people ranked as high as the reader)', querystring: PageQuery, response: { 200: MailboxPage } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const reader = requireUser(request);
      const { items, total } = await listOutbox(app.db, page, pageSize, rankOf(reader.roles.map((r) => r.role)));
      return {
        items: items.map((m) => ({
          id: m.id,
          to: m.to_address,
          subject: m.subject,
          text: m.text_body,
          status: m.status,
          attempts: m.attempts,
          createdAt: new Date(m.created_at).toISOString(),
          sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
        })),
        total,
        page,
        pageSize,
      };
    },
  });
}
