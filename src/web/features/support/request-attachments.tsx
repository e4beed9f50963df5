import { Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { megabytes } from '../../../shared/file-size.ts';
import { SUPPORT_ATTACHMENT_MAX_BYTES, SUPPORT_ATTACHMENTS_MAX } from '../../../shared/support-attachment.schemas.ts';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { attachmentUrl, useRemoveAttachment, useRequestAttachments, useUploadAttachments } from './knowledge.api.ts';
import '../../locales/lazy/support.strings.ts';

/** The PDFs of a request (docs/support.md, "Attachments"): everyone who sees it downloads them; the city adds and removes them while it is not closed. */
export function RequestAttachments({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const list = useRequestAttachments(requestId);
  const upload = useUploadAttachments(requestId);
  const remove = useRemoveAttachment(requestId);
  const [files, setFiles] = useState<File[]>([]);
  const data = list.data;
  if (!data || (data.items.length === 0 && !data.canChange)) return null;
  const room = SUPPORT_ATTACHMENTS_MAX - data.items.length;
  return (
    <PageSection id="support-attachments" title={t('support.attachments.title')}>
      <Stack gap="sm">
        {data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('support.attachments.none')}
          </Text>
        ) : (
          <Stack component="ul" gap={6} style={{ margin: 0, paddingLeft: 20 }}>
            {data.items.map((f) => (
              <li key={f.id} data-testid="support-attachment">
                <Group gap="sm" wrap="wrap">
                  <Anchor href={attachmentUrl(f.id)} download={f.filename} style={{ overflowWrap: 'anywhere' }}>
                    {f.filename}
                  </Anchor>
                  <Text span size="sm" c="dark.6">
                    {megabytes(f.sizeBytes)}
                  </Text>
                  {data.canChange && (
                    <Button variant="subtle" size="compact-sm" color="red" onClick={() => remove.mutate(f.id)} aria-label={t('support.attachments.remove', { name: f.filename })}>
                      {t('support.attachments.removeShort')}
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <ProblemAlert error={remove.error} />
        {data.canChange && room > 0 && (
          <form
            aria-label={t('support.attachments.add')}
            onSubmit={(event) => {
              event.preventDefault();
              if (files.length) upload.mutate(files, { onSuccess: () => setFiles([]) });
            }}
          >
            <Stack gap="xs">
              <FileInput
                label={t('support.attachments.add')}
                description={t('support.attachments.hint', { max: SUPPORT_ATTACHMENTS_MAX, size: megabytes(SUPPORT_ATTACHMENT_MAX_BYTES) })}
                accept="application/pdf"
                multiple
                clearable
                value={files}
                onChange={(f) => setFiles(f.slice(0, room))}
              />
              <ProblemAlert error={upload.error} />
              <Group>
                <Button type="submit" variant="default" loading={upload.isPending} disabled={files.length === 0}>
                  {t('support.attachments.upload')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </PageSection>
  );
}
