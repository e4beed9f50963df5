import { Anchor, Button, Checkbox, Group, MultiSelect, NumberInput, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_CODES } from '../../../domain/reference/sectors.ts';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachment.schemas.ts';
import type { AnswerValue, Question } from '../../../shared/programme.schemas.ts';
import type { z } from 'zod';
import { attachmentUrl, useSolutionSearch, useSolutionTitle } from './programmes.api.ts';

type Value = z.infer<typeof AnswerValue> | undefined;

interface AnswerFieldProps {
  question: Question;
  value?: Value;
  onChange: (value: Value) => void;
  error?: ReactNode;
  /** Where the form looks for this field to focus it (Mantine's getInputProps sets it). */
  'data-path'?: string;
  readOnly: boolean;
  maxDelegates: number;
  applicationId: string;
  /** File questions upload at once (the server stores the file and records its name). */
  onUpload: (file: File) => void;
  onRemoveFile: () => void;
  uploading: boolean;
}

const asList = (v: Value): string[] => (Array.isArray(v) ? v : []);
const asText = (v: Value): string => (typeof v === 'string' ? v : '');

/** One question of a call's form, rendered by its type, with its message. */
export function AnswerField(props: AnswerFieldProps) {
  const { t } = useTranslation();
  const { question: q, value, onChange, error, readOnly } = props;
  const common = { label: q.label, description: q.help || undefined, required: q.required, error, 'data-path': props['data-path'] };
  // The options of a choice question, one per line.
  const optionList = (item: (option: string) => React.ReactNode) => (
    <Stack gap={6} mt={4}>
      {q.options.map(item)}
    </Stack>
  );

  switch (q.type) {
    case 'text':
      return <TextInput {...common} value={asText(value)} readOnly={readOnly} maxLength={q.maxLength ?? 300} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'long_text': {
      const max = q.maxLength ?? 5000;
      return (
        <Textarea
          {...common}
          description={[q.help, t('programmes.answer.charactersLeft', { count: max - asText(value).length })].filter(Boolean).join(' ')}
          autosize
          minRows={4}
          value={asText(value)}
          readOnly={readOnly}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    }
    case 'single_choice':
      return (
        <Radio.Group {...common} value={asText(value) || null} onChange={(v) => onChange(v)} readOnly={readOnly}>
          {optionList((o) => (
            <Radio key={o} value={o} label={o} disabled={readOnly} />
          ))}
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group {...common} value={asList(value)} onChange={(v) => onChange(v)} readOnly={readOnly}>
          {optionList((o) => (
            <Checkbox key={o} value={o} label={o} disabled={readOnly} />
          ))}
        </Checkbox.Group>
      );
    case 'sectors':
      return (
        <Checkbox.Group {...common} value={asList(value)} onChange={(v) => onChange(v)} readOnly={readOnly}>
          <Group gap="md" mt={4}>
            {SECTOR_CODES.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} disabled={readOnly} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'solutions':
      return <SolutionsField {...props} />;
    case 'preferred_dates':
      return <DatesField {...props} />;
    case 'delegates':
      return (
        <NumberInput
          {...common}
          description={[q.help, t('programmes.answer.delegatesHint', { max: props.maxDelegates })].filter(Boolean).join(' ')}
          min={1}
          max={props.maxDelegates}
          allowDecimal={false}
          readOnly={readOnly}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'file':
      return <FileField {...props} />;
  }
}

function SolutionsField({ question: q, value, onChange, error, readOnly, 'data-path': dataPath }: AnswerFieldProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useSolutionSearch(debounced, 8);
  const chosen = asList(value);
  const found = (results.data?.items ?? []).map((s) => ({ value: s.id, label: t('programmes.answer.solutionOption', { title: s.title, city: s.city.name }) }));
  const known = new Map(found.map((o) => [o.value, o.label]));
  return (
    <Stack gap={4}>
      <MultiSelect
        label={q.label}
        description={q.help || t('programmes.answer.solutionsHint')}
        required={q.required}
        error={error}
        data-path={dataPath}
        searchable
        readOnly={readOnly}
        searchValue={search}
        onSearchChange={setSearch}
        value={chosen}
        onChange={onChange}
        // Chosen solutions stay options (with a label) even when the search no longer returns them.
        data={[...found, ...chosen.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id }))]}
        renderOption={({ option }) => <SolutionLabel id={option.value} fallback={option.label} />}
        filter={({ options }) => options}
        nothingFoundMessage={results.isFetching ? t('common.loading') : t('programmes.answer.noSolution')}
        withScrollArea={false}
        hidePickedOptions
      />
      {chosen.length > 0 && (
        <Text size="sm" component="div">
          {t('programmes.answer.chosenSolutions')}{' '}
          {chosen.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Anchor href={`/solutions/${id}`} target="_blank" rel="noopener">
                <SolutionLabel id={id} fallback={id} />
              </Anchor>
            </span>
          ))}
        </Text>
      )}
    </Stack>
  );
}

function SolutionLabel({ id, fallback }: { id: string; fallback: string }) {
  const title = useSolutionTitle(id);
  return <>{title.data?.title ?? (fallback === id ? '…' : fallback)}</>;
}

function DatesField({ question: q, value, onChange, error, readOnly, 'data-path': dataPath }: AnswerFieldProps) {
  const { t } = useTranslation();
  const dates = asList(value);
  const set = (next: string[]) => onChange(next);
  const rowsRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // After "Remove", focus goes to the row that took its place (or the one before), else to "Add date", never to the page.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    const inputs = rowsRef.current?.querySelectorAll<HTMLInputElement>('input[type="date"]') ?? [];
    (inputs[Math.min(focusRow, inputs.length - 1)] ?? addRef.current)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-path={dataPath}>
      <Text component="legend" fw={500} size="sm">
        {q.label}
        {q.required && (
          <Text span c="red.9" aria-hidden>
            {' *'}
          </Text>
        )}
      </Text>
      {q.help && <Text size="xs">{q.help}</Text>}
      <Stack gap="xs" mt={4} ref={rowsRef}>
        {dates.length === 0 && <Text size="sm">{t('programmes.answer.noDates')}</Text>}
        {dates.map((d, i) => (
          <Group key={i} gap="xs" align="flex-end">
            <TextInput type="date" label={t('programmes.answer.dateN', { n: i + 1 })} value={d} readOnly={readOnly} onChange={(e) => set(dates.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
            {!readOnly && (
              <Button variant="default" size="sm" onClick={() => {
                  set(dates.filter((_, j) => j !== i));
                  setFocusRow(i);
                }}
                aria-label={t('programmes.answer.removeDateN', { n: i + 1 })}>
                {t('programmes.editor.remove')}
              </Button>
            )}
          </Group>
        ))}
        {!readOnly && dates.length < 20 && (
          <div>
            <Button ref={addRef} variant="default" size="xs" onClick={() => set([...dates, ''])}>
              {t('programmes.answer.addDate')}
            </Button>
          </div>
        )}
        {error && (
          <Text c="red.9" size="sm">
            {error}
          </Text>
        )}
      </Stack>
    </fieldset>
  );
}

function FileField({ question: q, value, error, readOnly, applicationId, onUpload, onRemoveFile, uploading }: AnswerFieldProps) {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | null>(null);
  const filename = asText(value);
  const inputId = `file-${q.id}`;
  const shownError = localError ?? error;

  const choose = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    // Checked here to spare a long upload; the server checks the same again.
    if (file.size > ATTACHMENT_MAX_BYTES) return setLocalError(t('programmes.answer.fileTooLarge', { size: (file.size / 1048576).toFixed(1), max: ATTACHMENT_MAX_BYTES / 1048576 }));
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return setLocalError(t('programmes.answer.fileNotPdf'));
    setLocalError(null);
    onUpload(file);
  };

  return (
    <Stack gap={4}>
      <Text component={readOnly ? 'p' : 'label'} htmlFor={readOnly ? undefined : inputId} fw={500} size="sm">
        {q.label}
        {q.required && (
          <Text span c="red.9" aria-hidden>
            {' *'}
          </Text>
        )}
      </Text>
      <Text size="xs" id={`${inputId}-hint`}>
        {[q.help, t('programmes.answer.fileHint', { max: ATTACHMENT_MAX_BYTES / 1048576 })].filter(Boolean).join(' ')}
      </Text>
      {filename ? (
        <Group gap="sm">
          <Text size="sm">{t('programmes.answer.attached')}</Text>
          <Anchor href={attachmentUrl(applicationId, q.id)} download={filename} size="sm">
            {filename}
          </Anchor>
          {!readOnly && (
            <Button size="xs" variant="outline" color="red" c="red.9" onClick={onRemoveFile} aria-label={t('programmes.answer.removeFileOf', { label: q.label })}>
              {t('programmes.answer.removeFile')}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm">{t('programmes.answer.noFile')}</Text>
      )}
      {!readOnly && (
        <input
          id={inputId}
          type="file"
          accept="application/pdf,.pdf"
          onChange={choose}
          disabled={uploading}
          aria-describedby={`${inputId}-hint${shownError ? ` ${inputId}-error` : ''}`}
          aria-invalid={shownError ? true : undefined}
        />
      )}
      {uploading && (
        <Text size="sm" role="status">
          {t('programmes.answer.uploading')}
        </Text>
      )}
      {shownError && (
        <Text c="red.9" size="sm" id={`${inputId}-error`}>
          {shownError}
        </Text>
      )}
    </Stack>
  );
}
