import { MailboxPage } from '../../../shared/mailbox.schemas.ts';
import { PageQuery } from '../../../shared/pagination.ts';
import type { App } from '../../route-types.ts';
import { listOutbox } from './outbox.repository.ts';

export async function mailboxRoutes(app: App) {
  app.get('/api/mailbox', {
    config: { access: ['programme_manager'] },
    schema: { tags: ['email'], summary: 'Outgoing email, newest first (the development mailbox)', querystring: PageQuery, response: { 200: MailboxPage } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listOutbox(app.db, page, pageSize);
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
