import { Anchor, Button, Group as Row, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { CreatePostBody, HidePostBody, type Post, type ThreadPage as ThreadPageSchema } from '../../../shared/group.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useHidePost, useModerateThread, useReply, useThread } from './groups.api.ts';
import { EMPTY_POST, PostFields } from './post-fields.tsx';
import { QueryPage } from './query-state.tsx';
import { SuccessNotice } from './success-notice.tsx';
import { ThreadBadges } from './thread-badges.tsx';

type PostT = z.infer<typeof Post>;

/** /discussions/:id: a discussion's posts, a reply form, and the facilitators' pin, close and hide. */
export function ThreadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const thread = useThread(id, page);
  return (
    <QueryPage query={thread} errorTitle={t('groups.thread.notFoundTitle')}>
      {(data) => <ThreadView id={id} data={data} turningPage={thread.isPlaceholderData} onPage={setPage} />}
    </QueryPage>
  );
}

/** One page of the discussion; `turningPage` while the next page is on its way. */
function ThreadView({ id, data, turningPage, onPage }: { id: string; data: z.infer<typeof ThreadPageSchema>; turningPage: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const moderate = useModerateThread(id);
  const [confirmClose, setConfirmClose] = useState(false);
  const [toHide, setToHide] = useState<PostT | null>(null);
  const [replyTo, setReplyTo] = useState<PostT | null>(null);
  const { thread: summary, posts, total, pageSize, viewer } = data;

  return (
    <Stack gap="lg">
      <PageTitle>{summary.title}</PageTitle>
      <RouterAnchor to={`/groups/${summary.groupId}`} size="sm">
        {t('groups.thread.backToGroup')}
      </RouterAnchor>
      <Row gap="xs">
        <ThreadBadges pinned={summary.pinned} closed={summary.closed} />
      </Row>
      {viewer.canModerate && (
        <section aria-labelledby="moderation-heading">
          <Title order={2} size="h4" id="moderation-heading" mb="xs">
            {t('groups.thread.moderation')}
          </Title>
          <ProblemAlert error={moderate.error} />
          <Row gap="sm">
            <Button variant="default" size="sm" onClick={() => moderate.mutate({ pinned: !summary.pinned })} loading={moderate.isPending && moderate.variables.pinned !== undefined}>
              {summary.pinned ? t('groups.thread.unpin') : t('groups.thread.pin')}
            </Button>
            {summary.closed ? (
              <Button variant="default" size="sm" onClick={() => moderate.mutate({ closed: false })} loading={moderate.isPending && moderate.variables.closed === false}>
                {t('groups.thread.reopen')}
              </Button>
            ) : (
              <Button variant="outline" color="red.9" size="sm" onClick={() => setConfirmClose(true)}>
                {t('groups.thread.close')}
              </Button>
            )}
          </Row>
        </section>
      )}
      <section aria-labelledby="posts-heading">
        <Title order={2} size="h3" id="posts-heading" mb="sm">
          {t('groups.thread.posts', { count: total })}
        </Title>
        <Stack gap="sm" aria-busy={turningPage}>
          {posts.map((post) => (
            <PostView
              key={post.id}
              post={post}
              parent={post.replyTo ? (posts.find((p) => p.id === post.replyTo) ?? null) : null}
              canModerate={viewer.canModerate}
              onHide={() => setToHide(post)}
              onReply={viewer.canPost && !post.hidden ? () => setReplyTo(post) : undefined}
            />
          ))}
        </Stack>
        <PaginationBar page={data.page} pageSize={pageSize} total={total} onChange={onPage} label={t('groups.thread.pages')} />
      </section>
      <section aria-labelledby="reply-heading">
        <Title order={2} size="h3" id="reply-heading" mb="sm">
          {t('groups.thread.replyTitle')}
        </Title>
        {viewer.canPost ? (
          <Paper withBorder p="lg" radius="md">
            <ReplyForm threadId={id} groupId={summary.groupId} replyTo={replyTo} onReplyToDiscussion={() => setReplyTo(null)} onPosted={onPage} />
          </Paper>
        ) : (
          <Text>{t('groups.thread.closedNotice')}</Text>
        )}
      </section>
      <ConfirmDialog
        opened={confirmClose}
        title={t('groups.thread.closeTitle')}
        message={t('groups.thread.closeMessage', { title: summary.title })}
        confirmLabel={t('groups.thread.closeConfirm')}
        busy={moderate.isPending}
        onCancel={() => setConfirmClose(false)}
        onConfirm={() => moderate.mutate({ closed: true }, { onSettled: () => setConfirmClose(false) })}
      />
      <HideDialog threadId={id} post={toHide} onDone={() => setToHide(null)} />
    </Stack>
  );
}

const postHeadingId = (post: Pick<PostT, 'id'>) => `post-${post.id}`;

/**
 * One post. `parent` is the post it replies to when that is on the same
 * page (a link to it); a reply to a post on another page says so plainly.
 * `onReply` is absent when the discussion takes no replies.
 */
function PostView({ post, parent, canModerate, onHide, onReply }: { post: PostT; parent: PostT | null; canModerate: boolean; onHide: () => void; onReply: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const headingId = postHeadingId(post);
  const author = post.author ?? t('groups.threads.someone');
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Text fw={600} id={headingId}>
        {post.authorCity ? t('groups.thread.byWithCity', { author, city: post.authorCity }) : author}
        <Text span size="sm" fw={400}>
          {' · '}
          {formatDateTime(post.createdAt, i18n.language)}
        </Text>
      </Text>
      {post.replyTo && (
        <Text size="sm" mt={4}>
          {parent ? (
            <Anchor href={`#${postHeadingId(parent)}`} size="sm">
              {t('groups.thread.inReplyTo', { author: parent.author ?? t('groups.threads.someone') })}
            </Anchor>
          ) : (
            t('groups.thread.inReplyToEarlier')
          )}
        </Text>
      )}
      {post.hidden ? (
        <Text mt="xs" fs="italic">
          {t('groups.thread.hidden', { reason: post.hidden.reason })}
        </Text>
      ) : (
        // bodyHtml is sanitised by the server (src/server/lib/rich-text.ts: no
        // script, no event handlers, no unsafe links) before it is stored; that is
        // the only reason it may be rendered as HTML here. Never do this with
        // anything the server has not sanitised.
        <div className="post-body" style={{ marginTop: 8, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }} />
      )}
      {post.mentionedCities.length > 0 && (
        <Text size="sm" mt="xs">
          {t('groups.mentions.named')}{' '}
          {post.mentionedCities.map((city, i) => (
            <span key={city.id}>
              {i > 0 && ', '}
              <RouterAnchor to={`/cities/${city.slug}`} size="sm">
                {city.name}
              </RouterAnchor>
            </span>
          ))}
        </Text>
      )}
      {(onReply || (canModerate && !post.hidden)) && (
        <Row gap="xs" mt="xs">
          {onReply && (
            <Button size="xs" variant="default" onClick={onReply} aria-label={t('groups.thread.replyToPostFor', { author })}>
              {t('groups.thread.replyToPost')}
            </Button>
          )}
          {canModerate && !post.hidden && (
            <Button size="xs" variant="outline" color="red.9" onClick={onHide} aria-label={t('groups.thread.hideFor', { author })}>
              {t('groups.thread.hide')}
            </Button>
          )}
        </Row>
      )}
    </Paper>
  );
}

/** Asks for the reason (kept in the audit log) before hiding `post`; closed while `post` is null. */
function HideDialog({ threadId, post, onDone }: { threadId: string; post: PostT | null; onDone: () => void }) {
  const { t } = useTranslation();
  const hide = useHidePost(threadId, post?.id ?? '');
  const form = useApiForm({ initialValues: { reason: '' }, schema: HidePostBody, mutation: hide, onSuccess: () => close() });
  const close = () => {
    form.reset();
    hide.reset();
    onDone();
  };
  const confirm = () => {
    const body = form.check();
    if (body !== null) form.send(body);
  };
  return (
    <ConfirmDialog
      opened={post !== null}
      title={t('groups.thread.hideTitle')}
      message={t('groups.thread.hideMessage', { author: post?.author ?? t('groups.threads.someone') })}
      confirmLabel={t('groups.thread.hideConfirm')}
      busy={form.submitProps.loading}
      onCancel={close}
      onConfirm={confirm}
    >
      <ProblemAlert error={form.requestError} />
      <form {...form.formProps}>
        <Textarea label={t('groups.thread.hideReason')} description={t('groups.thread.hideReasonHint')} required autosize minRows={2} {...form.getInputProps('reason')} />
      </form>
    </ConfirmDialog>
  );
}

/** The reply form; `replyTo` is the post being answered (null: the discussion as a whole). */
function ReplyForm({
  threadId,
  groupId,
  replyTo,
  onReplyToDiscussion,
  onPosted,
}: {
  threadId: string;
  groupId: string;
  replyTo: PostT | null;
  onReplyToDiscussion: () => void;
  onPosted: (page: number) => void;
}) {
  const { t } = useTranslation();
  const [posted, setPosted] = useState(false);
  const form = useApiForm({
    initialValues: EMPTY_POST,
    schema: CreatePostBody,
    toBody: (v) => ({ ...v, replyTo: replyTo?.id ?? null }),
    mutation: useReply(threadId),
    onSuccess: (reply) => {
      form.reset();
      setPosted(true);
      onReplyToDiscussion();
      onPosted(reply.page);
    },
    onEdit: () => setPosted(false),
  });
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const replyingTo = replyTo ? t('groups.thread.replyingTo', { author: replyTo.author ?? t('groups.threads.someone') }) : null;
  // Choosing a post to answer takes the keyboard to the text.
  useEffect(() => {
    if (replyTo) bodyRef.current?.focus();
  }, [replyTo]);

  return (
    <form {...form.formProps} aria-labelledby="reply-heading">
      {posted && <SuccessNotice>{t('groups.thread.posted')}</SuccessNotice>}
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        {replyTo && (
          <Row gap="sm">
            <Text size="sm">{replyingTo}</Text>
            <Button size="xs" variant="subtle" onClick={onReplyToDiscussion}>
              {t('groups.thread.replyToDiscussion')}
            </Button>
          </Row>
        )}
        <PostFields
          groupId={groupId}
          bodyRef={bodyRef}
          label={t('groups.thread.replyLabel')}
          // Read out with the field when the keyboard arrives from a post's Reply.
          description={replyingTo ? `${replyingTo} ${t('groups.threads.fields.bodyHint')}` : t('groups.threads.fields.bodyHint')}
          form={form}
        />
        <div>
          <Button {...form.submitProps}>{t('groups.thread.send')}</Button>
        </div>
      </Stack>
    </form>
  );
}
