import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionType, UpdateCallBody, type Call } from '../../../shared/programme.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useUpdateCall } from './programmes.api.ts';

type QType = Call['questions'][number]['type'];
interface QuestionDraft {
  key: number;
  id: string;
  type: QType;
  label: string;
  help: string;
  required: boolean;
  optionsText: string;
  maxLength: number | string;
}
interface CriterionDraft {
  key: number;
  id: string;
  name: string;
  weight: number | string;
  scaleMax: number | string;
}

const CHOICE_TYPES: QType[] = ['single_choice', 'multiple_choice'];
const TEXT_TYPES: QType[] = ['text', 'long_text'];
let nextKey = 1;

function freeId(prefix: string, taken: readonly string[]) {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/**
 * The questions and evaluation criteria of a call, set by a programme
 * manager until the call opens. Saved whole (PUT); a stale version is refused.
 */
export function CallFormEditor({ call }: { call: Call }) {
  const { t } = useTranslation();
  const update = useUpdateCall(call.programmeSlug, call.kind);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [saved, setSaved] = useState(false);
  const [questions, setQuestions] = useState<QuestionDraft[]>(() =>
    call.questions.map((q) => ({ key: nextKey++, id: q.id, type: q.type, label: q.label, help: q.help, required: q.required, optionsText: q.options.join('\n'), maxLength: q.maxLength ?? '' })),
  );
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => call.criteria.map((c) => ({ key: nextKey++, ...c })));

  const changeQuestion = (index: number, change: Partial<QuestionDraft>) => {
    setQuestions((list) => list.map((q, i) => (i === index ? { ...q, ...change } : q)));
    setSaved(false);
    for (const field of Object.keys(change)) clearError(`questions.${index}.${field === 'optionsText' ? 'options' : field}`);
  };
  const changeCriterion = (index: number, change: Partial<CriterionDraft>) => {
    setCriteria((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));
    setSaved(false);
    for (const field of Object.keys(change)) clearError(`criteria.${index}.${field}`);
  };
  const move = (index: number, by: -1 | 1) =>
    setQuestions((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
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
    };
    const checked = validateWith(UpdateCallBody, body, t);
    if (!checked.ok) return setErrors(checked.errors);
    update.mutate(checked.data, { onSuccess: () => setSaved(true), onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('programmes.editor.formLabel')}>
      <Stack gap="lg">
        <ProblemAlert error={update.error} messages={{ CONFLICT: t('programmes.editor.conflict') }} />
        {saved && (
          <Alert color="green" variant="light" role="status">
            {t('programmes.editor.saved')}
          </Alert>
        )}
        <section aria-labelledby="questions-heading">
          <Title order={3} size="h4" id="questions-heading" mb="xs">
            {t('programmes.editor.questionsTitle')}
          </Title>
          {errors.questions && (
            <Text c="red.9" size="sm" role="alert" mb="sm">
              {errors.questions}
            </Text>
          )}
          {questions.length === 0 && <Text mb="sm">{t('programmes.editor.noQuestions')}</Text>}
          <Stack gap="md">
            {questions.map((q, index) => {
              const err = (field: string) => errors[`questions.${index}.${field}`];
              const n = index + 1;
              return (
                <Paper key={q.key} withBorder p="md" radius="md" component="fieldset" style={{ margin: 0 }}>
                  <Text component="legend" fw={600} px={4}>
                    {t('programmes.editor.questionN', { n })}
                  </Text>
                  <Stack gap="sm">
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label={t('programmes.editor.label')} required value={q.label} onChange={(e) => changeQuestion(index, { label: e.currentTarget.value })} error={err('label')} />
                      <NativeSelect
                        label={t('programmes.editor.type')}
                        value={q.type}
                        onChange={(e) => changeQuestion(index, { type: QuestionType.parse(e.currentTarget.value) })}
                        data={QuestionType.options.map((type) => ({ value: type, label: t(`programmes.questionTypes.${type}`) }))}
                      />
                    </SimpleGrid>
                    <TextInput label={t('programmes.editor.help')} value={q.help} onChange={(e) => changeQuestion(index, { help: e.currentTarget.value })} error={err('help')} />
                    {CHOICE_TYPES.includes(q.type) && (
                      <Textarea
                        label={t('programmes.editor.options')}
                        description={t('programmes.editor.optionsHint')}
                        required
                        autosize
                        minRows={3}
                        value={q.optionsText}
                        onChange={(e) => changeQuestion(index, { optionsText: e.currentTarget.value })}
                        error={err('options')}
                      />
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label={t('programmes.editor.id')}
                        description={t('programmes.editor.idHint')}
                        required
                        value={q.id}
                        onChange={(e) => changeQuestion(index, { id: e.currentTarget.value })}
                        error={err('id')}
                      />
                      {TEXT_TYPES.includes(q.type) && (
                        <NumberInput
                          label={t('programmes.editor.maxLength')}
                          description={t('programmes.editor.maxLengthHint', { count: q.type === 'text' ? 300 : 5000 })}
                          min={1}
                          max={20000}
                          allowDecimal={false}
                          value={q.maxLength}
                          onChange={(v) => changeQuestion(index, { maxLength: v })}
                          error={err('maxLength')}
                        />
                      )}
                    </SimpleGrid>
                    {q.type === 'file' && <Text size="sm">{t('programmes.editor.fileHint')}</Text>}
                    <Group justify="space-between">
                      <Checkbox label={t('programmes.editor.required')} checked={q.required} onChange={(e) => changeQuestion(index, { required: e.currentTarget.checked })} />
                      <Group gap="xs">
                        <Button size="xs" variant="default" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('programmes.editor.moveUp', { n })}>
                          {t('programmes.editor.up')}
                        </Button>
                        <Button size="xs" variant="default" disabled={index === questions.length - 1} onClick={() => move(index, 1)} aria-label={t('programmes.editor.moveDown', { n })}>
                          {t('programmes.editor.down')}
                        </Button>
                        <Button size="xs" color="red" variant="outline" c="red.9" onClick={() => setQuestions((list) => list.filter((_, i) => i !== index))} aria-label={t('programmes.editor.removeQuestion', { n })}>
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
              setQuestions((list) => [
                ...list,
                { key: nextKey++, id: freeId('question', list.map((q) => q.id)), type: 'long_text', label: '', help: '', required: false, optionsText: '', maxLength: '' },
              ])
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
          {errors.criteria && (
            <Text c="red.9" size="sm" role="alert" mb="sm">
              {errors.criteria}
            </Text>
          )}
          {criteria.length === 0 && <Text mb="sm">{t('programmes.editor.noCriteria')}</Text>}
          <Stack gap="md">
            {criteria.map((c, index) => {
              const err = (field: string) => errors[`criteria.${index}.${field}`];
              const n = index + 1;
              return (
                <Paper key={c.key} withBorder p="md" radius="md" component="fieldset" style={{ margin: 0 }}>
                  <Text component="legend" fw={600} px={4}>
                    {t('programmes.editor.criterionN', { n })}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 4 }}>
                    <TextInput label={t('programmes.editor.criterionName')} required value={c.name} onChange={(e) => changeCriterion(index, { name: e.currentTarget.value })} error={err('name')} />
                    <NumberInput label={t('programmes.editor.weight')} required min={0.1} max={100} decimalScale={2} value={c.weight} onChange={(v) => changeCriterion(index, { weight: v })} error={err('weight')} />
                    <NumberInput
                      label={t('programmes.editor.scaleMax')}
                      description={t('programmes.editor.scaleHint')}
                      required
                      min={1}
                      max={100}
                      allowDecimal={false}
                      value={c.scaleMax}
                      onChange={(v) => changeCriterion(index, { scaleMax: v })}
                      error={err('scaleMax')}
                    />
                    <TextInput label={t('programmes.editor.id')} required value={c.id} onChange={(e) => changeCriterion(index, { id: e.currentTarget.value })} error={err('id')} />
                  </SimpleGrid>
                  <Group mt="sm">
                    <Button size="xs" color="red" variant="outline" c="red.9" onClick={() => setCriteria((list) => list.filter((_, i) => i !== index))} aria-label={t('programmes.editor.removeCriterion', { n })}>
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
            onClick={() => setCriteria((list) => [...list, { key: nextKey++, id: freeId('criterion', list.map((c) => c.id)), name: '', weight: 1, scaleMax: 5 }])}
          >
            {t('programmes.editor.addCriterion')}
          </Button>
        </section>
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('programmes.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
