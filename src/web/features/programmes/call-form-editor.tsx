import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionType, UpdateCallBody, type Call } from '../../../shared/programme.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useUpdateCall } from './programmes.api.ts';

type QType = Call['questions'][number]['type'];
interface QuestionDraft {
  key: string;
  id: string;
  type: QType;
  label: string;
  help: string;
  required: boolean;
  optionsText: string;
  maxLength: number | string;
}
interface CriterionDraft {
  key: string;
  id: string;
  name: string;
  weight: number | string;
  scaleMax: number | string;
}

const CHOICE_TYPES: QType[] = ['single_choice', 'multiple_choice'];
const TEXT_TYPES: QType[] = ['text', 'long_text'];

function freeId(prefix: string, taken: readonly string[]) {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/**
 * The questions and evaluation criteria of a call, set by a programme
 * manager until the call opens. Saved whole (PUT); a stale version is refused.
 */
export function CallFormEditor({ call }: { call: Call }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useApiForm({
    initialValues: {
      questions: call.questions.map(
        (q): QuestionDraft => ({ key: randomId(), id: q.id, type: q.type, label: q.label, help: q.help, required: q.required, optionsText: q.options.join('\n'), maxLength: q.maxLength ?? '' }),
      ),
      criteria: call.criteria.map((c): CriterionDraft => ({ key: randomId(), ...c })),
    },
    schema: UpdateCallBody,
    toBody: ({ questions, criteria }) => ({
      version: call.version,
      questions: questions.map((q) => ({
        id: q.id.trim(),
        type: q.type,
        label: q.label,
        help: q.help,
        required: q.required,
        options: CHOICE_TYPES.includes(q.type) ? q.optionsText.split('\n').map((o) => o.trim()).filter(Boolean) : [],
        ...(TEXT_TYPES.includes(q.type) && typeof q.maxLength === 'number' ? { maxLength: q.maxLength } : {}),
      })),
      criteria: criteria.map((c) => ({ id: c.id.trim(), name: c.name, weight: typeof c.weight === 'number' ? c.weight : Number.NaN, scaleMax: typeof c.scaleMax === 'number' ? c.scaleMax : Number.NaN })),
    }),
    // The options are written one per line in a single text box.
    fieldOf: (path) => path.replace(/^(questions\.\d+)\.options(\..*)?$/, '$1.optionsText'),
    mutation: useUpdateCall(call.programmeSlug, call.kind),
    onSuccess: () => setSaved(true),
    onEdit: () => setSaved(false),
  });
  const { questions, criteria } = form.values;

  return (
    <form {...form.formProps} aria-label={t('programmes.editor.formLabel')}>
      <Stack gap="lg">
        <ProblemAlert error={form.requestError} messages={{ CONFLICT: t('programmes.editor.conflict') }} />
        {saved && (
          <Alert color="green" variant="light" role="status">
            {t('programmes.editor.saved')}
          </Alert>
        )}
        <section aria-labelledby="questions-heading">
          <Title order={3} size="h4" id="questions-heading" mb="xs">
            {t('programmes.editor.questionsTitle')}
          </Title>
          {form.errors.questions && (
            <Text c="red.9" size="sm" role="alert" mb="sm">
              {form.errors.questions}
            </Text>
          )}
          {questions.length === 0 && <Text mb="sm">{t('programmes.editor.noQuestions')}</Text>}
          <Stack gap="md">
            {questions.map((q, index) => {
              const field = (name: keyof QuestionDraft) => form.getInputProps(`questions.${index}.${name}`);
              const n = index + 1;
              return (
                <Paper key={q.key} withBorder p="md" radius="md" component="fieldset" style={{ margin: 0 }}>
                  <Text component="legend" fw={600} px={4}>
                    {t('programmes.editor.questionN', { n })}
                  </Text>
                  <Stack gap="sm">
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label={t('programmes.editor.label')} required {...field('label')} />
                      <NativeSelect
                        label={t('programmes.editor.type')}
                        {...field('type')}
                        data={QuestionType.options.map((type) => ({ value: type, label: t(`programmes.questionTypes.${type}`) }))}
                      />
                    </SimpleGrid>
                    <TextInput label={t('programmes.editor.help')} {...field('help')} />
                    {CHOICE_TYPES.includes(q.type) && (
                      <Textarea
                        label={t('programmes.editor.options')}
                        description={t('programmes.editor.optionsHint')}
                        required
                        autosize
                        minRows={3}
                        {...field('optionsText')}
                      />
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label={t('programmes.editor.id')}
                        description={t('programmes.editor.idHint')}
                        required
                        {...field('id')}
                      />
                      {TEXT_TYPES.includes(q.type) && (
                        <NumberInput
                          label={t('programmes.editor.maxLength')}
                          description={t('programmes.editor.maxLengthHint', { count: q.type === 'text' ? 300 : 5000 })}
                          min={1}
                          max={20000}
                          allowDecimal={false}
                          {...field('maxLength')}
                        />
                      )}
                    </SimpleGrid>
                    {q.type === 'file' && <Text size="sm">{t('programmes.editor.fileHint')}</Text>}
                    <Group justify="space-between">
                      <Checkbox label={t('programmes.editor.required')} {...form.getInputProps(`questions.${index}.required`, { type: 'checkbox' })} />
                      <Group gap="xs">
                        <Button size="xs" variant="default" disabled={index === 0} onClick={() => form.reorderListItem('questions', { from: index, to: index - 1 })} aria-label={t('programmes.editor.moveUp', { n })}>
                          {t('programmes.editor.up')}
                        </Button>
                        <Button size="xs" variant="default" disabled={index === questions.length - 1} onClick={() => form.reorderListItem('questions', { from: index, to: index + 1 })} aria-label={t('programmes.editor.moveDown', { n })}>
                          {t('programmes.editor.down')}
                        </Button>
                        <Button size="xs" color="red" variant="outline" c="red.9" onClick={() => form.removeListItem('questions', index)} aria-label={t('programmes.editor.removeQuestion', { n })}>
                          {t('programmes.editor.remove')}
                        </Button>
                      </Group>
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
          <Button
            mt="sm"
            variant="default"
            onClick={() =>
              form.insertListItem('questions', { key: randomId(), id: freeId('question', questions.map((q) => q.id)), type: 'long_text', label: '', help: '', required: false, optionsText: '', maxLength: '' })
            }
          >
            {t('programmes.editor.addQuestion')}
          </Button>
        </section>

        <section aria-labelledby="criteria-heading">
          <Title order={3} size="h4" id="criteria-heading" mb="xs">
            {t('programmes.editor.criteriaTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {t('programmes.editor.criteriaIntro')}
          </Text>
          {form.errors.criteria && (
            <Text c="red.9" size="sm" role="alert" mb="sm">
              {form.errors.criteria}
            </Text>
          )}
          {criteria.length === 0 && <Text mb="sm">{t('programmes.editor.noCriteria')}</Text>}
          <Stack gap="md">
            {criteria.map((c, index) => {
              const field = (name: keyof CriterionDraft) => form.getInputProps(`criteria.${index}.${name}`);
              const n = index + 1;
              return (
                <Paper key={c.key} withBorder p="md" radius="md" component="fieldset" style={{ margin: 0 }}>
                  <Text component="legend" fw={600} px={4}>
                    {t('programmes.editor.criterionN', { n })}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 4 }}>
                    <TextInput label={t('programmes.editor.criterionName')} required {...field('name')} />
                    <NumberInput label={t('programmes.editor.weight')} required min={0.1} max={100} decimalScale={2} {...field('weight')} />
                    <NumberInput
                      label={t('programmes.editor.scaleMax')}
                      description={t('programmes.editor.scaleHint')}
                      required
                      min={1}
                      max={100}
                      allowDecimal={false}
                      {...field('scaleMax')}
                    />
                    <TextInput label={t('programmes.editor.id')} required {...field('id')} />
                  </SimpleGrid>
                  <Group mt="sm">
                    <Button size="xs" color="red" variant="outline" c="red.9" onClick={() => form.removeListItem('criteria', index)} aria-label={t('programmes.editor.removeCriterion', { n })}>
                      {t('programmes.editor.remove')}
                    </Button>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
          <Button
            mt="sm"
            variant="default"
            onClick={() => form.insertListItem('criteria', { key: randomId(), id: freeId('criterion', criteria.map((c) => c.id)), name: '', weight: 1, scaleMax: 5 })}
          >
            {t('programmes.editor.addCriterion')}
          </Button>
        </section>
        <Group>
          <Button {...form.submitProps}>{t('programmes.editor.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
