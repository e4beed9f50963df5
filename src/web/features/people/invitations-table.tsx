import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../shared/account.schemas.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { invitedRoles, useRoleText } from '../../lib/role-text.ts';
import { DoneNotice } from './done-notice.tsx';
import { InvitationStatusBadge } from './invitation-status-badge.tsx';
import { useInvitations, useResendInvitation, useRevokeInvitation } from './people.api.ts';

const PAGE_SIZE = 20;

/**
 * Invitations sent, newest first (only those to `email` when given): one
 * still pending can be revoked, one pending or expired sent again.
 */
export function InvitationsTable({ email }: { email?: string }) {
  const { t, i18n } = useTranslation();
  const roleText = useRoleText();
  const [page, setPage] = useState(1);
  const invitations = useInvitations(page, PAGE_SIZE, email);
  const revoke = useRevokeInvitation();
  const resend = useResendInvitation();
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  if (invitations.isPending) return <LoadingState />;
  if (invitations.isError) return <ProblemAlert error={invitations.error} />;
  const { items, total } = invitations.data;
  if (total === 0) return <EmptyState title={t('people.noInvitations')} description={email ? t('people.noInvitationsForPerson') : t('people.noInvitationsHint')} />;

  const closeDialog = () => {
    setToRevoke(null);
    revoke.reset();
  };

  return (
    <>
      <ProblemAlert error={revoke.error ?? resend.error} />
      <DoneNotice>{resend.isSuccess ? t('people.resent', { email: resend.data.email, date: formatDateTime(resend.data.expiresAt, i18n.language) }) : null}</DoneNotice>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={invitations.isPlaceholderData}>
          <Table.Caption>{t('people.invitationsCaption')}</Table.Caption>
          <ColumnHeads labels={[t('people.columns.person'), t('people.columns.role'), t('people.columns.status'), t('people.columns.invitedBy'), t('people.columns.expires'), t('people.columns.actions')]} />
          <Table.Tbody>
            {items.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {invitation.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {invitation.email}
                  </Text>
                </Table.Td>
                <Table.Td>{roleText.list(invitedRoles(invitation))}</Table.Td>
                <Table.Td>
                  <InvitationStatusBadge status={invitation.status} />
                </Table.Td>
                <Table.Td>{invitation.invitedBy}</Table.Td>
                <Table.Td>{formatDateTime(invitation.expiresAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {(invitation.status === 'pending' || invitation.status === 'expired') && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={resend.isPending && resend.variables === invitation.id}
                        onClick={() => resend.mutate(invitation.id)}
                        aria-label={t('people.resendFor', { email: invitation.email })}
                      >
                        {t('people.resend')}
                      </Button>
                    )}
                    {invitation.status === 'pending' && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        onClick={() => setToRevoke(invitation)}
                        aria-label={t('people.revokeFor', { email: invitation.email })}
                      >
                        {t('people.revoke')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PaginationBar page={page} pageSize={PAGE_SIZE} total={total} onChange={setPage} label={t('people.invitationsPages')} />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('people.revokeTitle')}
        message={toRevoke ? t('people.revokeMessage', { email: toRevoke.email }) : ''}
        confirmLabel={t('people.revokeConfirm')}
        busy={revoke.isPending}
        onCancel={closeDialog}
        onConfirm={() => {
          if (toRevoke) revoke.mutate(toRevoke.id, { onSettled: () => setToRevoke(null) });
        }}
      />
    </>
  );
}
