import { Anchor, Button, FileInput, Group as Row, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { megabytes } from '../../../shared/file-size.ts';
import { MATERIAL_MAX_BYTES, type MeetingMaterial } from '../../../shared/group.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { NewMaterial, useAddMaterial, useRemoveMaterial } from './groups.api.ts';

/** A meeting's links and PDF files; facilitators and programme managers add and remove them. */
export function MeetingMaterials({ groupId, meetingId, meetingTitle, materials, canManage }: { groupId: string; meetingId: string; meetingTitle: string; materials: MeetingMaterial[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [toRemove, setToRemove] = useState<MeetingMaterial | null>(null);
  const remove = useRemoveMaterial(groupId);
  if (materials.length === 0 && !canManage) return null;
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm" fw={600}>
        {t('groups.materials.title')}
      </Text>
      {materials.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('groups.materials.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={2} style={{ paddingLeft: 18, margin: 0 }}>
          {materials.map((material) => (
            <li key={material.id}>
              <Row gap="xs">
                {material.kind === 'link' ? (
                  <Anchor href={material.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {material.title}
                  </Anchor>
                ) : (
                  <Anchor href={material.url} download={material.filename ?? true} size="sm">
                    {t('groups.materials.file', { title: material.title, size: megabytes(material.sizeBytes ?? 0) })}
                  </Anchor>
                )}
                {canManage && (
                  <Button size="compact-xs" variant="outline" color="red.9" onClick={() => setToRemove(material)} aria-label={t('groups.materials.removeFor', { title: material.title })}>
                    {t('groups.materials.remove')}
                  </Button>
                )}
              </Row>
            </li>
          ))}
        </Stack>
      )}
      {canManage &&
        (adding ? (
          <AddMaterialForm groupId={groupId} meetingId={meetingId} meetingTitle={meetingTitle} onDone={() => setAdding(false)} />
        ) : (
          <div>
            <Button size="xs" variant="default" onClick={() => setAdding(true)} aria-label={t('groups.materials.addFor', { title: meetingTitle })}>
              {t('groups.materials.add')}
            </Button>
          </div>
        ))}
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('groups.materials.removeTitle')}
        message={t('groups.materials.removeMessage', { title: toRemove?.title ?? '' })}
        confirmLabel={t('groups.materials.removeConfirm')}
        busy={remove.isPending}
        onCancel={() => setToRemove(null)}
        onConfirm={() => toRemove && remove.mutate(toRemove.id, { onSuccess: () => setToRemove(null) })}
      >
        <ProblemAlert error={remove.error} />
      </ConfirmDialog>
    </Stack>
  );
}

interface MaterialValues {
  kind: 'link' | 'file';
  title: string;
  url: string;
  file: File | null;
}
const initialValues: MaterialValues = { kind: 'link', title: '', url: '', file: null };

function AddMaterialForm({ groupId, meetingId, meetingTitle, onDone }: { groupId: string; meetingId: string; meetingTitle: string; onDone: () => void }) {
  const { t } = useTranslation();
  const tooLarge = t('groups.materials.fileTooLarge', { max: megabytes(MATERIAL_MAX_BYTES) });
  const form = useApiForm({
    initialValues,
    schema: NewMaterial,
    // The server takes PDF files up to a size; the form says so before the upload.
    validate: (v) => (v.kind === 'link' ? {} : !v.file ? { file: t('groups.materials.fileRequired') } : v.file.size > MATERIAL_MAX_BYTES ? { file: tooLarge } : {}),
    mutation: useAddMaterial(groupId, meetingId),
    onSuccess: onDone,
  });

  return (
    <form {...form.formProps} aria-label={t('groups.materials.formFor', { title: meetingTitle })}>
      <ProblemAlert error={form.requestError} messages={{ UNSUPPORTED_MEDIA_TYPE: t('groups.materials.notPdf'), ATTACHMENT_INVALID: t('groups.materials.notPdf'), PAYLOAD_TOO_LARGE: tooLarge }} />
      <Stack gap="xs" mt="xs">
        <Radio.Group label={t('groups.materials.kind')} {...form.getInputProps('kind')}>
          <Row gap="md" mt={4}>
            <Radio value="link" label={t('groups.materials.kindLink')} />
            <Radio value="file" label={t('groups.materials.kindFile')} />
          </Row>
        </Radio.Group>
        <TextInput label={t('groups.materials.fieldTitle')} required {...form.getInputProps('title')} />
        {form.values.kind === 'link' ? (
          <TextInput label={t('groups.materials.fieldUrl')} required type="url" placeholder="https://" {...form.getInputProps('url')} />
        ) : (
          <FileInput
            label={t('groups.materials.fieldFile')}
            description={t('groups.materials.fileHint', { max: megabytes(MATERIAL_MAX_BYTES) })}
            required
            accept="application/pdf"
            clearable
            {...form.getInputProps('file')}
          />
        )}
        <Row gap="sm">
          <Button size="xs" {...form.submitProps}>
            {t('groups.materials.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Row>
      </Stack>
    </form>
  );
}
