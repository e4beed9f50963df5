import { Anchor, Button, FileInput, Group as Row, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { megabytes } from '../../../shared/file-size.ts';
import { AddMaterialLinkBody, MATERIAL_MAX_BYTES, type MeetingMaterial } from '../../../shared/group.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useAddMaterial, useRemoveMaterial } from './groups.api.ts';

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

function AddMaterialForm({ groupId, meetingId, meetingTitle, onDone }: { groupId: string; meetingId: string; meetingTitle: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddMaterial(groupId, meetingId);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [kind, setKind] = useState<'link' | 'file'>('link');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const done = { onSuccess: onDone, onError: (error: Error) => setErrors(fieldErrorsOf(error)) };
    if (kind === 'link') {
      const checked = validateWith(AddMaterialLinkBody, { title, url }, t);
      if (!checked.ok) return setErrors(checked.errors);
      return add.mutate({ kind: 'link', body: checked.data }, done);
    }
    const problems: Record<string, string> = {};
    if (title.trim() === '') problems.title = t('groups.materials.titleRequired');
    if (!file) problems.file = t('groups.materials.fileRequired');
    else if (file.size > MATERIAL_MAX_BYTES) problems.file = t('groups.materials.fileTooLarge', { max: megabytes(MATERIAL_MAX_BYTES) });
    if (Object.keys(problems).length > 0 || !file) return setErrors(problems);
    add.mutate({ kind: 'file', title: title.trim(), file }, done);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('groups.materials.formFor', { title: meetingTitle })}>
      <ProblemAlert
        error={add.error}
        messages={{
          UNSUPPORTED_MEDIA_TYPE: t('groups.materials.notPdf'),
          ATTACHMENT_INVALID: t('groups.materials.notPdf'),
          PAYLOAD_TOO_LARGE: t('groups.materials.fileTooLarge', { max: megabytes(MATERIAL_MAX_BYTES) }),
        }}
      />
      <Stack gap="xs" mt="xs">
        <Radio.Group label={t('groups.materials.kind')} value={kind} onChange={(value) => setKind(value === 'file' ? 'file' : 'link')}>
          <Row gap="md" mt={4}>
            <Radio value="link" label={t('groups.materials.kindLink')} />
            <Radio value="file" label={t('groups.materials.kindFile')} />
          </Row>
        </Radio.Group>
        <TextInput label={t('groups.materials.fieldTitle')} required value={title} onChange={(e) => { setTitle(e.currentTarget.value); clearError('title'); }} error={errors.title} />
        {kind === 'link' ? (
          <TextInput label={t('groups.materials.fieldUrl')} required type="url" placeholder="https://" value={url} onChange={(e) => { setUrl(e.currentTarget.value); clearError('url'); }} error={errors.url} />
        ) : (
          <FileInput
            label={t('groups.materials.fieldFile')}
            description={t('groups.materials.fileHint', { max: megabytes(MATERIAL_MAX_BYTES) })}
            required
            accept="application/pdf"
            value={file}
            onChange={(value) => { setFile(value); clearError('file'); }}
            error={errors.file}
            clearable
          />
        )}
        <Row gap="sm">
          <Button type="submit" size="xs" loading={add.isPending}>
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
