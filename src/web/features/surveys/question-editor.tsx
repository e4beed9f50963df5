import { ActionIcon, Alert, Button, Checkbox, Group, List, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { scaleBounds } from '../../../domain/surveys/questions.ts';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { LeverCode } from '../../../shared/solution.schemas.ts';
import { SURVEY_QUESTION_TYPES, type SurveyOption, type SurveyQuestion, type SurveyQuestionType } from '../../../shared/survey.schemas.ts';
import '../../locales/lazy/surveys.strings.ts';

/** A key people can read in exports, from a label: "Study visits" → "study-visits" (unique among `taken`). */
export function keyFrom(label: string, taken: readonly string[], fallback: string): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || fallback;
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

const twoOptions = (t: TFunction): SurveyOption[] => [
  { value: 'option-1', label: t('surveys.editor.optionDefault', { number: 1 }) },
  { value: 'option-2', label: t('surveys.editor.optionDefault', { number: 2 }) },
];

/** The same question as another type: what both types have is kept (text, help, required, condition, options). */
export function retype(question: SurveyQuestion, type: SurveyQuestionType, defaults: { options: SurveyOption[]; items: SurveyOption[] }): SurveyQuestion {
  const base = { id: question.id, text: question.text, required: question.required, ...(question.help !== undefined ? { help: question.help } : {}), ...(question.showIf ? { showIf: question.showIf } : {}) };
  const options = 'options' in question ? question.options : 'items' in question ? question.items : defaults.options;
  const scale = 'scale' in question ? { scale: question.scale, ...(question.lowLabel ? { lowLabel: question.lowLabel } : {}), ...(question.highLabel ? { highLabel: question.highLabel } : {}) } : { scale: '1-5' as const };
  switch (type) {
    case 'single':
      return { ...base, type, options };
    case 'multiple':
      return { ...base, type, options };
    case 'ranking':
      return { ...base, type, options: options.slice(0, 12) };
    case 'matrix':
      return { ...base, type, items: 'items' in question ? question.items : defaults.items, ...scale };
    case 'rating':
      return { ...base, type, ...scale };
    case 'sector':
    case 'lever':
      return { ...base, type, multiple: true };
    case 'short-text':
    case 'long-text':
    case 'number':
    case 'date':
    case 'country':
    case 'city':
      return { ...base, type };
  }
}

/** A new question of a type, with the options and items it needs to be valid. */
export function newQuestion(type: SurveyQuestionType, id: string, t: TFunction): SurveyQuestion {
  const options = twoOptions(t);
  const items = [
    { value: 'item-1', label: t('surveys.editor.itemDefault', { number: 1 }) },
    { value: 'item-2', label: t('surveys.editor.itemDefault', { number: 2 }) },
  ];
  return retype({ id, type: 'short-text', text: t('surveys.editor.newQuestionText'), required: false }, type, { options, items });
}

/** The values an earlier question can have, for "show only when" (null: it cannot be a condition). */
export function conditionValues(question: SurveyQuestion, t: TFunction): SurveyOption[] | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return question.type === 'ranking' ? null : question.options;
    case 'sector':
      return SectorCode.options.map((code) => ({ value: code, label: t(`sectors.${code}`) }));
    case 'lever':
      return LeverCode.options.map((code) => ({ value: code, label: t(`library.levers.${code}`) }));
    case 'rating': {
      const { min, max } = scaleBounds(question.scale);
      return Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
    }
    default:
      return null;
  }
}

export interface QuestionEditorProps {
  question: SurveyQuestion;
  /** Its place, for messages: "Question 3". */
  number: number;
  /** The questions before it (in the whole questionnaire), for "show only when". */
  earlier: readonly SurveyQuestion[];
  onChange: (question: SurveyQuestion, renamed?: { from: string; to: string }) => void;
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
  onDuplicate: () => void;
  onRemove: () => void;
  /** The survey has answers and this question was saved with it: no removing or retyping (checkDefinitionChange). */
  locked: boolean;
  /** Option and item values saved with answers: they cannot be removed. */
  savedValues: ReadonlySet<string>;
  /**
   * The server's or the check's messages about this question, by path inside
   * it (`text`, `options.1.label`, `showIf.equals`; '' for the question as a
   * whole). Those an input shows are shown on it; the others above the question.
   */
  errors: Readonly<Record<string, string>>;
  /** Error paths: `definition.sections.0.questions.2` and `definition.questions.<id>` for focus. */
  paths: readonly string[];
}

/** The paths inside a question that one of its inputs shows. */
const SHOWN_ON_INPUTS = /^(text|help|max|min|maxLength|lowLabel|highLabel|showIf\.equals|showIf\.questionId|(options|items)\.\d+\.label)$/;

/** One question in the builder: its words, its kind of answer and the settings that kind has, its condition, and moving, duplicating, removing. */
export function QuestionEditor({ question, number, earlier, onChange, onMoveUp, onMoveDown, onDuplicate, onRemove, locked, savedValues, errors, paths }: QuestionEditorProps) {
  const { t } = useTranslation();
  const set = (changes: Partial<SurveyQuestion>) => onChange({ ...question, ...changes } as SurveyQuestion);
  const optional = (value: string) => (value.trim() === '' ? undefined : value);
  const name = question.text.trim() || t('surveys.editor.questionNumber', { number });
  const help = question.help ?? '';
  const numberOrUndefined = (value: string | number) => (typeof value === 'number' ? value : undefined);
  const general = [...new Set(Object.entries(errors).filter(([path]) => !SHOWN_ON_INPUTS.test(path)).map(([, message]) => message))];

  const content = (
    <Paper withBorder p="md" radius="md" data-testid="question-editor" aria-label={t('surveys.editor.questionLabel', { number, text: name })} component="article">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('surveys.editor.questionNumber', { number })}</Text>
          <Group gap={4} wrap="wrap">
            <Button size="compact-sm" variant="default" disabled={!onMoveUp} onClick={() => onMoveUp?.()} aria-label={t('surveys.editor.moveQuestionUp', { text: name })}>
              {t('surveys.editor.up')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={!onMoveDown} onClick={() => onMoveDown?.()} aria-label={t('surveys.editor.moveQuestionDown', { text: name })}>
              {t('surveys.editor.down')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={onDuplicate} aria-label={t('surveys.editor.duplicateQuestion', { text: name })}>
              {t('surveys.editor.duplicate')}
            </Button>
            <Button size="compact-sm" variant="default" color="red" c={locked ? undefined : 'red.9'} disabled={locked} onClick={onRemove} aria-label={t('surveys.editor.removeQuestion', { text: name })}>
              {t('surveys.editor.remove')}
            </Button>
          </Group>
        </Group>
        {locked && (
          <Text size="sm" c="dark.6" data-testid="locked-reason">
            {t('surveys.editor.lockedReason')}
          </Text>
        )}
        {general.length > 0 && (
          <Alert color="red" variant="light" data-testid="question-errors">
            <List size="sm">
              {general.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <TextInput label={t('surveys.editor.text')} required value={question.text} onChange={(e) => set({ text: e.currentTarget.value })} error={errors.text} />
        <Textarea label={t('surveys.editor.help')} autosize minRows={1} value={help} error={errors.help} onChange={(e) => onChange(withOptional(question, 'help', optional(e.currentTarget.value) === undefined ? undefined : e.currentTarget.value))} />
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('surveys.editor.type')}
            description={locked ? t('surveys.editor.typeLocked') : undefined}
            value={question.type}
            disabled={locked}
            onChange={(e) => onChange(retype(question, e.currentTarget.value as SurveyQuestionType, { options: twoOptions(t), items: twoOptions(t) }))}
            data={SURVEY_QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.types.${type}`) }))}
            w={240}
          />
          <Checkbox label={t('surveys.editor.required')} checked={question.required} onChange={(e) => set({ required: e.currentTarget.checked })} mb={8} />
        </Group>
        <TypeSettings question={question} onChange={onChange} locked={locked} savedValues={savedValues} numberOrUndefined={numberOrUndefined} errors={errors} />
        <ShowIfEditor question={question} earlier={earlier} onChange={onChange} errors={errors} />
      </Stack>
    </Paper>
  );
  // Wrappers named by the paths the server's messages use, so that focus finds this question after a refused save.
  return paths.reduceRight((inner, path) => <div data-path={path}>{inner}</div>, content);
}

function withOptional<K extends 'help' | 'max' | 'maxLength' | 'min' | 'lowLabel' | 'highLabel' | 'showIf'>(question: SurveyQuestion, key: K, value: unknown): SurveyQuestion {
  const next: Record<string, unknown> = { ...question };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as SurveyQuestion;
}

function TypeSettings({ question, onChange, locked, savedValues, numberOrUndefined, errors }: { question: SurveyQuestion; onChange: QuestionEditorProps['onChange']; locked: boolean; savedValues: ReadonlySet<string>; numberOrUndefined: (value: string | number) => number | undefined; errors: QuestionEditorProps['errors'] }) {
  const { t } = useTranslation();
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return (
        <Stack gap="xs">
          <OptionsEditor
            legend={t('surveys.editor.options')}
            kind="option"
            options={question.options}
            max={question.type === 'ranking' ? 12 : 30}
            savedValues={savedValues}
            locked={locked}
            errorOf={(index) => errors[`options.${index}.label`]}
            onChange={(options, renamed) => onChange({ ...question, options }, renamed)}
          />
          {question.type === 'multiple' && (
            <NumberInput
              label={t('surveys.editor.maxChoices')}
              description={t('surveys.editor.maxChoicesHint')}
              min={1}
              max={question.options.length}
              allowDecimal={false}
              value={question.max ?? ''}
              onChange={(value) => onChange(withOptional(question, 'max', numberOrUndefined(value)))}
              error={errors.max}
              w={240}
            />
          )}
        </Stack>
      );
    case 'rating':
    case 'matrix':
      return (
        <Stack gap="xs">
          {question.type === 'matrix' && (
            <OptionsEditor legend={t('surveys.editor.items')} kind="item" options={question.items} max={20} savedValues={savedValues} locked={locked} errorOf={(index) => errors[`items.${index}.label`]} onChange={(items, renamed) => onChange({ ...question, items }, renamed)} />
          )}
          <Group align="flex-start" wrap="wrap">
            <NativeSelect
              label={t('surveys.editor.scale')}
              description={locked ? t('surveys.editor.scaleLocked') : undefined}
              disabled={locked}
              value={question.scale}
              onChange={(e) => onChange({ ...question, scale: e.currentTarget.value === '0-10' ? '0-10' : '1-5' })}
              data={[
                { value: '1-5', label: t('surveys.editor.scales.1-5') },
                { value: '0-10', label: t('surveys.editor.scales.0-10') },
              ]}
              w={160}
            />
            <TextInput label={t('surveys.editor.lowLabel')} value={question.lowLabel ?? ''} onChange={(e) => onChange(withOptional(question, 'lowLabel', e.currentTarget.value === '' ? undefined : e.currentTarget.value))} error={errors.lowLabel} w={220} />
            <TextInput label={t('surveys.editor.highLabel')} value={question.highLabel ?? ''} onChange={(e) => onChange(withOptional(question, 'highLabel', e.currentTarget.value === '' ? undefined : e.currentTarget.value))} error={errors.highLabel} w={220} />
          </Group>
        </Stack>
      );
    case 'short-text':
    case 'long-text':
      return (
        <NumberInput
          label={t('surveys.editor.maxLength')}
          description={t('surveys.editor.maxLengthHint', { max: question.type === 'short-text' ? 500 : 10000 })}
          min={1}
          max={question.type === 'short-text' ? 500 : 10000}
          allowDecimal={false}
          value={question.maxLength ?? ''}
          onChange={(value) => onChange(withOptional(question, 'maxLength', numberOrUndefined(value)))}
          error={errors.maxLength}
          w={240}
        />
      );
    case 'number':
      return (
        <Group align="flex-end" wrap="wrap">
          <NumberInput label={t('surveys.editor.min')} value={question.min ?? ''} onChange={(value) => onChange(withOptional(question, 'min', numberOrUndefined(value)))} error={errors.min} w={160} />
          <NumberInput label={t('surveys.editor.max')} value={question.max ?? ''} onChange={(value) => onChange(withOptional(question, 'max', numberOrUndefined(value)))} error={errors.max} w={160} />
          <Checkbox label={t('surveys.editor.integer')} checked={question.integer === true} onChange={(e) => onChange({ ...question, integer: e.currentTarget.checked })} mb={8} />
        </Group>
      );
    case 'sector':
    case 'lever':
      return (
        <Group align="flex-end" wrap="wrap">
          <Switch label={t('surveys.editor.severalAllowed')} checked={question.multiple} disabled={locked} onChange={(e) => onChange(e.currentTarget.checked ? { ...question, multiple: true } : withOptional({ ...question, multiple: false }, 'max', undefined))} mb={8} />
          {question.multiple && (
            <NumberInput label={t('surveys.editor.maxChoices')} min={1} max={6} allowDecimal={false} value={question.max ?? ''} onChange={(value) => onChange(withOptional(question, 'max', numberOrUndefined(value)))} error={errors.max} w={200} />
          )}
        </Group>
      );
    case 'date':
    case 'country':
    case 'city':
      return (
        <Text size="sm" c="dark.6">
          {t(`surveys.editor.nothingToSet.${question.type}`)}
        </Text>
      );
  }
}

/** The choices (or matrix items): their words; new ones get a key from their words, saved ones keep theirs. */
function OptionsEditor({ legend, kind, options, max, savedValues, locked, errorOf, onChange }: { legend: string; kind: 'option' | 'item'; options: readonly SurveyOption[]; max: number; savedValues: ReadonlySet<string>; locked: boolean; errorOf: (index: number) => string | undefined; onChange: (options: SurveyOption[], renamed?: { from: string; to: string }) => void }) {
  const { t } = useTranslation();
  const setLabel = (index: number, label: string) => {
    const option = options[index];
    if (!option) return;
    const fixed = savedValues.has(option.value);
    const others = options.filter((_, i) => i !== index).map((o) => o.value);
    const value = fixed ? option.value : keyFrom(label, others, `${kind}-${index + 1}`);
    onChange(
      options.map((o, i) => (i === index ? { value, label } : o)),
      value !== option.value ? { from: option.value, to: value } : undefined,
    );
  };
  const add = () => {
    const label = t(kind === 'option' ? 'surveys.editor.optionDefault' : 'surveys.editor.itemDefault', { number: options.length + 1 });
    onChange([...options, { value: keyFrom(label, options.map((o) => o.value), kind), label }]);
  };
  return (
    <Stack gap={6} role="group" aria-label={legend}>
      <Text size="sm" fw={500}>
        {legend}
      </Text>
      {options.map((option, index) => {
        const fixed = locked && savedValues.has(option.value);
        const label = t(kind === 'option' ? 'surveys.editor.optionLabel' : 'surveys.editor.itemLabel', { number: index + 1 });
        return (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput aria-label={label} value={option.label} onChange={(e) => setLabel(index, e.currentTarget.value)} error={errorOf(index)} style={{ flex: 1 }} />
            <ActionIcon
              variant="default"
              size="lg"
              disabled={fixed || options.length <= 2}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
              aria-label={t('surveys.editor.removeOption', { label: option.label || label })}
              title={fixed ? t('surveys.editor.optionLocked') : undefined}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {locked && (
        <Text size="xs" c="dark.6">
          {t('surveys.editor.optionLocked')}
        </Text>
      )}
      <Button size="compact-sm" variant="light" w="fit-content" disabled={options.length >= max} onClick={add}>
        {t(kind === 'option' ? 'surveys.editor.addOption' : 'surveys.editor.addItem')}
      </Button>
    </Stack>
  );
}

/** "Show only when <earlier question> is <value>". */
function ShowIfEditor({ question, earlier, onChange, errors }: { question: SurveyQuestion; earlier: readonly SurveyQuestion[]; onChange: QuestionEditorProps['onChange']; errors: QuestionEditorProps['errors'] }) {
  const { t } = useTranslation();
  const candidates = earlier.flatMap((q) => {
    const values = conditionValues(q, t);
    return values ? [{ question: q, values }] : [];
  });
  const current = question.showIf;
  const target = candidates.find((c) => c.question.id === current?.questionId);
  if (candidates.length === 0 && !current) return null;
  return (
    <Group align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('surveys.editor.showIf')}
        value={current?.questionId ?? ''}
        onChange={(e) => {
          const chosen = candidates.find((c) => c.question.id === e.currentTarget.value);
          const first = chosen?.values[0];
          onChange(withOptional(question, 'showIf', chosen && first ? { questionId: chosen.question.id, equals: first.value } : undefined));
        }}
        data={[
          { value: '', label: t('surveys.editor.always') },
          ...candidates.map((c) => ({ value: c.question.id, label: c.question.text || c.question.id })),
          ...(current && !target ? [{ value: current.questionId, label: current.questionId }] : []),
        ]}
        error={errors['showIf.questionId']}
        w={320}
      />
      {current && (
        <NativeSelect
          label={t('surveys.editor.showIfValue')}
          value={current.equals}
          onChange={(e) => onChange({ ...question, showIf: { questionId: current.questionId, equals: e.currentTarget.value } })}
          data={[...(target?.values ?? []).map((v) => ({ value: v.value, label: v.label })), ...(target?.values.some((v) => v.value === current.equals) ? [] : [{ value: current.equals, label: current.equals }])]}
          error={errors['showIf.equals']}
          w={240}
        />
      )}
    </Group>
  );
}
