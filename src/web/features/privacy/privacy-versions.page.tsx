import { Button, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PublishPrivacyNoticeBody, type PrivacyNotice } from '../../../shared/privacy.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { usePrivacyNotice, usePrivacyVersions, usePublishNotice } from './privacy.api.ts';

/** Programme managers: the versions of the privacy notice, and publishing a new one. */
export function PrivacyVersionsPage() {
  const { t, i18n } = useTranslation();
  const versions = usePrivacyVersions();
  const notice = usePrivacyNotice();
  // Here, not in the form: the form starts afresh from each new version.
  const publish = usePublishNotice();
  return (
    <Stack gap="lg">
      <PageTitle>{t('privacy.versionsTitle')}</PageTitle>
      <PageSection id="privacy-versions" title={t('privacy.versions')}>
        {versions.isPending && <LoadingState />}
        {versions.isError && <ProblemAlert error={versions.error} />}
        {versions.data && (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.version')}</Table.Th>
                  <Table.Th>{t('privacy.publishedAt')}</Table.Th>
                  <Table.Th>{t('privacy.publishedBy')}</Table.Th>
                  <Table.Th>{t('privacy.acceptances')}</Table.Th>
                  <Table.Th>{t('privacy.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.items.map((v) => (
                  <Table.Tr key={v.version}>
                    <Table.Td>{v.current ? t('privacy.currentVersion', { version: v.version }) : v.version}</Table.Td>
                    <Table.Td>{formatDateTime(v.publishedAt, i18n.language)}</Table.Td>
                    <Table.Td>{v.publishedBy ?? t('privacy.installation')}</Table.Td>
                    <Table.Td>{v.acceptances}</Table.Td>
                    <Table.Td>{v.changes || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PageSection>
      <PageSection id="privacy-publish" title={t('privacy.publishTitle')}>
        {publish.isSuccess && (
          <Text role="status" c="green.9" mb="sm">
            {t('privacy.published', { version: publish.data.version })}
          </Text>
        )}
        {notice.data && <PublishForm key={notice.data.version} current={notice.data} publish={publish} />}
      </PageSection>
    </Stack>
  );
}

function PublishForm({ current, publish }: { current: PrivacyNotice; publish: ReturnType<typeof usePublishNotice> }) {
  const { t } = useTranslation();
  const form = useApiForm({ initialValues: { version: '', changes: '', body: current.body }, schema: PublishPrivacyNoticeBody, mutation: publish, onEdit: () => publish.reset() });
  return (
    <form {...form.formProps} aria-label={t('privacy.publishTitle')}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <Text>{t('privacy.publishIntro')}</Text>
        <TextInput label={t('privacy.version')} description={t('privacy.versionHint', { version: current.version })} required maw={260} {...form.getInputProps('version')} />
        <Textarea label={t('privacy.changes')} description={t('privacy.changesHint')} required autosize minRows={2} {...form.getInputProps('changes')} />
        <Textarea label={t('privacy.body')} description={t('privacy.bodyHint')} required autosize minRows={10} maxRows={30} {...form.getInputProps('body')} />
        <div>
          <Button {...form.submitProps}>{t('privacy.publish')}</Button>
        </div>
      </Stack>
    </form>
  );
}
