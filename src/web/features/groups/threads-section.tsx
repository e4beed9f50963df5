import { Button, Group as Row, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateThreadBody } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { PLAIN_LIST } from '../../components/plain-list.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useCreateThread, useThreads } from './groups.api.ts';
import { EMPTY_POST, PostFields } from './post-fields.tsx';
import { QueryState } from './query-state.tsx';
import { ThreadBadges } from './thread-badges.tsx';

const PAGE_SIZE = 20;

/** The group's discussions (pinned first), and a form to start one. */
export function ThreadsSection({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const threads = useThreads(groupId, page, PAGE_SIZE, true);

  return (
    <PageSection id="threads-heading" title={t('groups.threads.title')}>
      <QueryState query={threads} />
      {threads.isSuccess && threads.data.total === 0 && <EmptyState title={t('groups.threads.none')} description={t('groups.threads.noneHint')} />}
      {threads.isSuccess && threads.data.total > 0 && (
        <>
          <Stack gap="xs" component="ul" style={PLAIN_LIST} aria-busy={threads.isPlaceholderData}>
            {threads.data.items.map((thread) => (
              <Paper component="li" withBorder p="sm" radius="md" key={thread.id}>
                <Row gap="xs">
                  <RouterAnchor to={`/discussions/${thread.id}`} fw={600}>
                    {thread.title}
                  </RouterAnchor>
                  <ThreadBadges pinned={thread.pinned} closed={thread.closed} />
                </Row>
                <Text size="sm">
                  {t('groups.threads.meta', { count: thread.postCount, author: thread.createdBy ?? t('groups.threads.someone'), last: formatDateTime(thread.lastPostAt, i18n.language) })}
                </Text>
              </Paper>
            ))}
          </Stack>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={threads.data.total} onChange={setPage} label={t('groups.threads.pages')} />
        </>
      )}
      <Title order={3} size="h4" mt="lg" mb="sm" id="new-thread-heading">
        {t('groups.threads.newTitle')}
      </Title>
      <Paper withBorder p="lg" radius="md">
        <NewThreadForm groupId={groupId} />
      </Paper>
    </PageSection>
  );
}

function NewThreadForm({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm({
    initialValues: { title: '', ...EMPTY_POST },
    schema: CreateThreadBody,
    mutation: useCreateThread(groupId),
    onSuccess: (page) => void navigate(`/discussions/${page.thread.id}`),
  });

  return (
    <form {...form.formProps} aria-labelledby="new-thread-heading">
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <TextInput label={t('groups.threads.fields.title')} required {...form.getInputProps('title')} />
        <PostFields
          groupId={groupId}
          label={t('groups.threads.fields.body')}
          description={t('groups.threads.fields.bodyHint')}
          form={form}
        />
        <div>
          <Button {...form.submitProps}>{t('groups.threads.start')}</Button>
        </div>
      </Stack>
    </form>
  );
}
