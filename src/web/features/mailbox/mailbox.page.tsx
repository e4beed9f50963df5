import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useMailbox } from './mailbox.api.ts';
import { MessageList } from './message-list.tsx';
import { MessageView } from './message-view.tsx';

const PAGE_SIZE = 20;

/** The development mailbox: email the platform sent (or would send without SMTP). */
export function MailboxPage() {
  const { t } = useTranslation();
  // Page and open message live in the URL, so Back closes a message and a link can point at one.
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const openId = searchParams.get('message');
  const mailbox = useMailbox(page, PAGE_SIZE);

  const navigateTo = (next: { page?: number; message?: string | null }) => {
    const params = new URLSearchParams();
    const nextPage = next.page ?? page;
    if (nextPage > 1) params.set('page', String(nextPage));
    const message = next.message === undefined ? openId : next.message;
    if (message) params.set('message', message);
    setSearchParams(params);
  };

  const open = mailbox.data?.items.find((message) => message.id === openId) ?? null;

  return (
    <Stack gap="lg">
      <PageTitle>{t('mailbox.title')}</PageTitle>
      <Text>{t('mailbox.intro')}</Text>
      {mailbox.isPending && <LoadingState />}
      {mailbox.isError && <ProblemAlert error={mailbox.error} />}
      {mailbox.isSuccess && mailbox.data.total === 0 && <EmptyState title={t('mailbox.empty')} description={t('mailbox.emptyHint')} />}
      {mailbox.isSuccess && mailbox.data.total > 0 && (
        <>
          {/* The open message comes first, at full width: email text is long and narrow columns make it hard to read. */}
          {open && <MessageView message={open} onClose={() => navigateTo({ message: null })} />}
          {openId !== null && !open && (
            <Alert color="gray" variant="light">
              {t('mailbox.notOnPage')}
            </Alert>
          )}
          <div>
            <MessageList messages={mailbox.data.items} openId={openId} onOpen={(id) => navigateTo({ message: id })} />
            <PaginationBar
              page={page}
              pageSize={PAGE_SIZE}
              total={mailbox.data.total}
              onChange={(next) => navigateTo({ page: next, message: null })}
              label={t('mailbox.pages')}
            />
          </div>
        </>
      )}
    </Stack>
  );
}
