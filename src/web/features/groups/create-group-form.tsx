import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateGroupBody, GroupSummary } from '../../../shared/group.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useCreateGroup } from './groups.api.ts';

export const SECTORS = GroupSummary.shape.sectors.element.options;

/** Name, sectors, language and capacity; the facilitator who creates a group facilitates it. */
export function CreateGroupForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateGroup(slug);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [sectors, setSectors] = useState<string[]>([]);
  const [language, setLanguage] = useState('en');
  const [capacity, setCapacity] = useState<number | string>(8);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = { name, description, sectors, language: language.trim().toLowerCase(), capacity: typeof capacity === 'number' ? capacity : Number.NaN };
    const checked = validateWith(CreateGroupBody, values, t);
    if (!checked.ok) return setErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (group) => void navigate(`/groups/${group.id}`),
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('groups.create.title')}>
      <ProblemAlert error={create.error} />
      <Stack gap="md">
        <TextInput
          label={t('groups.fields.name')}
          required
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clearError('name');
          }}
          error={errors.name}
        />
        <Textarea label={t('groups.fields.description')} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <Checkbox.Group
          label={t('groups.fields.sectors')}
          required
          value={sectors}
          onChange={(next) => {
            setSectors(next);
            clearError('sectors');
          }}
          error={errors.sectors}
        >
          <Group gap="md" mt={4}>
            {SECTORS.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} aria-invalid={errors.sectors ? true : undefined} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('groups.fields.language')}
            description={t('groups.fields.languageHint')}
            required
            maxLength={2}
            value={language}
            onChange={(e) => {
              setLanguage(e.currentTarget.value);
              clearError('language');
            }}
            error={errors.language}
          />
          <NumberInput
            label={t('groups.fields.capacity')}
            description={t('groups.fields.capacityHint')}
            required
            min={1}
            max={200}
            allowDecimal={false}
            value={capacity}
            onChange={(v) => {
              setCapacity(v);
              clearError('capacity');
            }}
            error={errors.capacity}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('groups.create.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
