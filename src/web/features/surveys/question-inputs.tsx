import { Button, Checkbox, Group, Input, NumberInput, Radio, Select, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleBounds } from '../../../domain/surveys/questions.ts';
import { COUNTRY_CODES } from '../../../domain/reference/countries.ts';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { LeverCode } from '../../../shared/solution.schemas.ts';
import type { SurveyAnswerValue, SurveyOption, SurveyQuestion, RatingScale } from '../../../shared/survey.schemas.ts';
import { useCitySearch } from '../../lib/city-search.ts';
import { displayName, sortByDisplayedName } from '../../lib/format.ts';
import '../../locales/lazy/surveys.strings.ts';

export interface QuestionInputProps {
  question: SurveyQuestion;
  value: SurveyAnswerValue | undefined;
  /** undefined: the question is left unanswered. */
  onChange: (value: SurveyAnswerValue | undefined) => void;
  error?: ReactNode;
  /** The preview and a closed survey show the inputs without changing anything. */
  readOnly?: boolean;
}

/**
 * One question as respondents see it, with the input its type asks for (the
 * answer page and the builder's preview). Every input is labelled by the
 * question and described by its help; the wrapper carries `data-path` so that
 * a refused submit moves focus to the first question with a message.
 */
export function QuestionInput(props: QuestionInputProps) {
  return (
    <div data-path={`answers.${props.question.id}`} data-testid={`question-${props.question.id}`}>
      <Inner {...props} />
    </div>
  );
}

const asString = (value: SurveyAnswerValue | undefined) => (typeof value === 'string' ? value : '');
const asList = (value: SurveyAnswerValue | undefined) => (Array.isArray(value) ? value : []);
const asNumber = (value: SurveyAnswerValue | undefined) => (typeof value === 'number' ? value : undefined);
const asRecord = (value: SurveyAnswerValue | undefined): Record<string, number> => (value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {});

function Inner({ question, value, onChange, error, readOnly = false }: QuestionInputProps) {
  const { t } = useTranslation();
  const common = { label: question.text, description: question.help, required: question.required, error };
  switch (question.type) {
    case 'single':
      return <SingleChoice {...common} options={question.options} value={asString(value)} onChange={onChange} readOnly={readOnly} />;
    case 'multiple':
      return <MultipleChoice {...common} options={question.options} max={question.max} value={asList(value)} onChange={onChange} readOnly={readOnly} />;
    case 'sector':
    case 'lever': {
      const options = question.type === 'sector' ? SectorCode.options.map((code) => ({ value: code, label: t(`sectors.${code}`) })) : LeverCode.options.map((code) => ({ value: code, label: t(`library.levers.${code}`) }));
      return question.multiple ? (
        <MultipleChoice {...common} options={options} max={question.max} value={asList(value)} onChange={onChange} readOnly={readOnly} />
      ) : (
        <SingleChoice {...common} options={options} value={asString(value)} onChange={onChange} readOnly={readOnly} />
      );
    }
    case 'rating':
      return <Rating {...common} scale={question.scale} lowLabel={question.lowLabel} highLabel={question.highLabel} value={asNumber(value)} onChange={onChange} readOnly={readOnly} />;
    case 'matrix':
      return <Matrix {...common} items={question.items} scale={question.scale} lowLabel={question.lowLabel} highLabel={question.highLabel} value={asRecord(value)} onChange={onChange} readOnly={readOnly} />;
    case 'ranking':
      return <Ranking {...common} options={question.options} value={asList(value)} onChange={onChange} readOnly={readOnly} />;
    case 'short-text':
    case 'long-text': {
      const text = asString(value);
      const max = question.maxLength ?? (question.type === 'short-text' ? 500 : 10000);
      const counter = t('surveys.answer.counter', { count: text.length, max });
      const description = question.help ? `${question.help} ${counter}` : counter;
      const change = (next: string) => onChange(next === '' ? undefined : next);
      return question.type === 'short-text' ? (
        <TextInput {...common} description={description} value={text} maxLength={max} readOnly={readOnly} onChange={(e) => change(e.currentTarget.value)} />
      ) : (
        <Textarea {...common} description={description} value={text} maxLength={max} autosize minRows={4} readOnly={readOnly} onChange={(e) => change(e.currentTarget.value)} />
      );
    }
    case 'number': {
      const range = question.min !== undefined && question.max !== undefined ? t('surveys.answer.numberRange', { min: question.min, max: question.max }) : question.min !== undefined ? t('surveys.answer.numberMin', { min: question.min }) : question.max !== undefined ? t('surveys.answer.numberMax', { max: question.max }) : '';
      const description = [question.help, range].filter(Boolean).join(' ') || undefined;
      return (
        <NumberInput
          {...common}
          description={description}
          value={asNumber(value) ?? ''}
          min={question.min}
          max={question.max}
          allowDecimal={question.integer !== true}
          readOnly={readOnly}
          onChange={(next) => onChange(typeof next === 'number' ? next : next === '' ? undefined : Number.isNaN(Number(next)) ? undefined : Number(next))}
        />
      );
    }
    case 'date':
      return <TextInput {...common} type="date" value={asString(value)} readOnly={readOnly} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)} w={220} />;
    case 'country':
      return <CountrySelect {...common} value={asString(value)} onChange={onChange} readOnly={readOnly} />;
    case 'city':
      return <CitySelect {...common} value={asString(value)} onChange={onChange} readOnly={readOnly} />;
  }
}

interface Common {
  label: string;
  description: string | undefined;
  required: boolean;
  error: ReactNode;
  readOnly: boolean;
}

function SingleChoice({ options, value, onChange, readOnly, ...common }: Common & { options: readonly SurveyOption[]; value: string; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  return (
    <Radio.Group {...common} value={value || null} onChange={(next) => !readOnly && onChange(next)}>
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** Checkboxes; with a maximum, the others are disabled once it is reached (the limit is said in the description). */
function MultipleChoice({ options, max, value, onChange, readOnly, description, ...common }: Common & { options: readonly SurveyOption[]; max: number | undefined; value: string[]; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  const { t } = useTranslation();
  const limit = max !== undefined ? t('surveys.answer.chooseAtMost', { count: max }) : undefined;
  const full = max !== undefined && value.length >= max;
  return (
    <Checkbox.Group
      {...common}
      description={[description, limit].filter(Boolean).join(' ') || undefined}
      value={value}
      onChange={(next) => {
        if (readOnly || (max !== undefined && next.length > max)) return;
        onChange(next.length === 0 ? undefined : options.map((o) => o.value).filter((v) => next.includes(v)));
      }}
    >
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} disabled={full && !value.includes(option.value)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

const points = (scale: RatingScale) => {
  const { min, max } = scaleBounds(scale);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
};

/** What the ends of a scale mean, as a sentence read with the question ("1: Not at all, 5: Very much"). */
function useScaleWords(scale: RatingScale, lowLabel: string | undefined, highLabel: string | undefined) {
  const { t } = useTranslation();
  const { min, max } = scaleBounds(scale);
  if (!lowLabel && !highLabel) return undefined;
  return t('surveys.answer.scaleEnds', { min, low: lowLabel ?? '', max, high: highLabel ?? '' });
}

function Rating({ scale, lowLabel, highLabel, value, onChange, readOnly, description, ...common }: Common & { scale: RatingScale; lowLabel: string | undefined; highLabel: string | undefined; value: number | undefined; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  const words = useScaleWords(scale, lowLabel, highLabel);
  return (
    <Radio.Group {...common} description={[description, words].filter(Boolean).join(' ') || undefined} value={value === undefined ? null : String(value)} onChange={(next) => !readOnly && onChange(Number(next))}>
      <Group gap="xs" mt={6} align="center" wrap="wrap">
        {lowLabel && (
          <Text size="sm" c="dark.6" aria-hidden>
            {lowLabel}
          </Text>
        )}
        {points(scale).map((point) => (
          <Radio key={point} value={String(point)} label={String(point)} />
        ))}
        {highLabel && (
          <Text size="sm" c="dark.6" aria-hidden>
            {highLabel}
          </Text>
        )}
      </Group>
    </Radio.Group>
  );
}

/** A table: one row per item, one radio group per row named by the item, one column per scale point. */
function Matrix({ items, scale, lowLabel, highLabel, value, onChange, readOnly, label, description, required, error }: Common & { items: readonly SurveyOption[]; scale: RatingScale; lowLabel: string | undefined; highLabel: string | undefined; value: Record<string, number>; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const words = useScaleWords(scale, lowLabel, highLabel);
  const describedBy = [description || words ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const scalePoints = points(scale);
  return (
    <Stack gap={4} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      <Input.Label id={`${id}-label`} required={required}>
        {label}
      </Input.Label>
      {(description || words) && <Input.Description id={`${id}-description`}>{[description, words].filter(Boolean).join(' ')}</Input.Description>}
      <Table.ScrollContainer minWidth={scalePoints.length * 48 + 200}>
        <Table withTableBorder={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>{t('surveys.answer.matrixItem')}</VisuallyHidden>
              </Table.Th>
              {scalePoints.map((point) => (
                <Table.Th key={point} ta="center" scope="col">
                  {point}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.value}>
                <Table.Th scope="row" fw={400} id={`${id}-${item.value}`}>
                  {item.label}
                </Table.Th>
                {scalePoints.map((point) => (
                  <Table.Td key={point} ta="center">
                    <Radio
                      name={`${id}-${item.value}`}
                      value={String(point)}
                      checked={value[item.value] === point}
                      aria-label={t('surveys.answer.matrixPoint', { item: item.label, point })}
                      onChange={() => !readOnly && onChange({ ...value, [item.value]: point })}
                      style={{ display: 'inline-block' }}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Input.Error id={`${id}-error`}>
          {error}
        </Input.Error>
      )}
    </Stack>
  );
}

/** An ordered list with "Move up" / "Move down" buttons (keyboard and screen readers; no dragging needed). Focus stays on the button pressed. */
function Ranking({ options, value, onChange, readOnly, label, description, required, error }: Common & { options: readonly SurveyOption[]; value: string[]; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const ordered = value.length === options.length && options.every((o) => value.includes(o.value));
  const order = ordered ? value : options.map((o) => o.value);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const listRef = useRef<HTMLOListElement>(null);
  const [focusAfter, setFocusAfter] = useState<{ value: string; direction: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>(`[data-rank-value="${focusAfter.value}"]`) ?? [];
    const wanted = [...buttons].find((b) => b.dataset.direction === focusAfter.direction && !b.disabled) ?? [...buttons].find((b) => !b.disabled);
    wanted?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const move = (index: number, direction: 'up' | 'down') => {
    const next = [...order];
    const target = direction === 'up' ? index - 1 : index + 1;
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(target, 0, moved);
    onChange(next);
    setFocusAfter({ value: moved, direction });
  };
  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <Stack gap={4} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      <Input.Label id={`${id}-label`} required={required}>
        {label}
      </Input.Label>
      <Input.Description id={`${id}-description`}>{[description, ordered ? t('surveys.answer.rankingHint') : t('surveys.answer.rankingNotYet')].filter(Boolean).join(' ')}</Input.Description>
      <ol ref={listRef} style={{ paddingLeft: '1.5rem', margin: 0, display: 'flex', flexDirection: 'column', gap: 4 }} aria-label={t('surveys.answer.rankingList', { question: label })}>
        {order.map((v, index) => (
          <li key={v}>
            <Group gap="xs" wrap="nowrap">
              <Text style={{ flex: 1 }}>{labelOf(v)}</Text>
              {!readOnly && (
                <>
                  <Button size="compact-sm" variant="default" data-rank-value={v} data-direction="up" disabled={index === 0} onClick={() => move(index, 'up')} aria-label={t('surveys.answer.moveUp', { option: labelOf(v) })}>
                    {t('surveys.answer.up')}
                  </Button>
                  <Button size="compact-sm" variant="default" data-rank-value={v} data-direction="down" disabled={index === order.length - 1} onClick={() => move(index, 'down')} aria-label={t('surveys.answer.moveDown', { option: labelOf(v) })}>
                    {t('surveys.answer.down')}
                  </Button>
                </>
              )}
            </Group>
          </li>
        ))}
      </ol>
      {!ordered && !readOnly && (
        <Button size="compact-sm" variant="subtle" w="fit-content" onClick={() => onChange(order)}>
          {t('surveys.answer.keepOrder')}
        </Button>
      )}
      {error && <Input.Error id={`${id}-error`}>{error}</Input.Error>}
    </Stack>
  );
}

function CountrySelect({ value, onChange, readOnly, ...common }: Common & { value: string; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const countries = sortByDisplayedName(
    COUNTRY_CODES.map((code) => ({ value: code, label: displayName(code, 'region', i18n.language) })),
    (c) => c.label,
    i18n.language,
  );
  return (
    <Select
      {...common}
      data={countries}
      searchable
      clearable
      readOnly={readOnly}
      value={value || null}
      onChange={(next) => onChange(next ?? undefined)}
      nothingFoundMessage={t('surveys.answer.noCountry')}
      clearButtonProps={{ 'aria-label': t('surveys.answer.clearCountry') }}
      w={320}
    />
  );
}

/** A city of the registry: the server searches as the person types (there may be thousands). */
function CitySelect({ value, onChange, readOnly, ...common }: Common & { value: string; onChange: (value: SurveyAnswerValue | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const query = chosen && search === chosen.label ? '' : search;
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const cities = useCitySearch(debounced, 8);
  const found = (cities.data?.items ?? []).map((city) => ({ value: city.id, label: `${city.name} (${displayName(city.country, 'region', i18n.language)})` }));
  // A city chosen earlier (a draft) whose name is not among the matches keeps a label.
  const kept = value && !found.some((c) => c.value === value) ? [chosen?.value === value ? chosen : { value, label: t('surveys.answer.cityChosenEarlier') }] : [];
  const data = [...kept, ...found];
  return (
    <Select
      {...common}
      description={common.description ?? t('surveys.answer.cityHint')}
      data={data}
      searchable
      clearable
      readOnly={readOnly}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(next) => {
        const option = data.find((c) => c.value === next) ?? null;
        setChosen(option);
        onChange(next ?? undefined);
      }}
      nothingFoundMessage={cities.isFetching ? t('common.loading') : t('surveys.answer.noCity')}
      clearButtonProps={{ 'aria-label': t('surveys.answer.clearCity') }}
      withScrollArea={false}
      w={360}
    />
  );
}
