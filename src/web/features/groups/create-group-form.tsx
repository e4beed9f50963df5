import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateGroupBody, GroupSummary } from '../../../shared/group.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useCreateGroup } from './groups.api.ts';

export const SECTORS = GroupSummary.shape.sectors.element.options;

interface Values {
  name: string;
  description: string;
  sectors: (typeof SECTORS)[number][];
  language: string;
  /** The number input holds '' while empty; the schema says it is missing. */
  capacity: number | string;
}
const initialValues: Values = { name: '', description: '', sectors: [], language: 'en', capacity: 8 };

/** Name, sectors, language and capacity; the facilitator who creates a group facilitates it. */
export function CreateGroupForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm({
    initialValues,
    schema: CreateGroupBody,
    toBody: (v) => ({ ...v, language: v.language.trim().toLowerCase(), capacity: typeof v.capacity === 'number' ? v.capacity : Number.NaN }),
    mutation: useCreateGroup(slug),
    onSuccess: (group) => void navigate(`/groups/${group.id}`),
  });

  return (
    <form {...form.formProps} aria-label={t('groups.create.title')}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <TextInput label={t('groups.fields.name')} required {...form.getInputProps('name')} />
        <Textarea label={t('groups.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <Checkbox.Group label={t('groups.fields.sectors')} required {...form.getInputProps('sectors')}>
          <Group gap="md" mt={4}>
            {SECTORS.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('groups.fields.language')} description={t('groups.fields.languageHint')} required maxLength={2} {...form.getInputProps('language')} />
          <NumberInput
            label={t('groups.fields.capacity')}
            description={t('groups.fields.capacityHint')}
            required
            min={1}
            max={200}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
        </SimpleGrid>
        <div>
          <Button {...form.submitProps}>{t('groups.create.submit')}</Button>
        </div>
      </Stack>
    </form>
  );
}
