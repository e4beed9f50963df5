import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { CostRange, LeverCode, SolutionStage, SolutionStatus, type SolutionDetail } from '../../../shared/solution.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useCreateSolution, useSolution, useSolutionCity, useUpdateSolution } from './library.api.ts';
import { displayName } from '../../lib/format.ts';

const CONTENT_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'fi', 'sv', 'da', 'pl', 'cs', 'sk', 'sl', 'hr', 'hu', 'ro', 'bg', 'el', 'et', 'lv', 'lt', 'no', 'tr'];

/** Plain text with blank lines between paragraphs, as the server's allowed HTML. */
export function paragraphsToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function htmlToParagraphs(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.body.children].map((el) => el.textContent?.trim() ?? '').filter(Boolean).join('\n\n');
}

/** Create (`/solutions/new?city=slug`) or edit (`/solutions/:id/edit`) a solution. */
export function SolutionFormPage() {
  const { id } = useParams();
  const existing = useSolution(id ?? '');
  if (id && !existing.data) return existing.error ? <ProblemAlert error={existing.error} /> : <LoadingState />;
  return <SolutionForm key={existing.data?.id ?? 'new'} existing={id ? (existing.data ?? null) : null} />;
}

function SolutionForm({ existing }: { existing: SolutionDetail | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const citySlug = existing?.city.slug ?? params.get('city') ?? '';
  const city = useSolutionCity(citySlug);
  const create = useCreateSolution();
  const update = useUpdateSolution(existing?.id ?? '');
  const mutation = existing ? update : create;
  const { formRef, errors, setErrors, clearError } = useFieldErrors();

  const [title, setTitle] = useState(existing?.title ?? '');
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [body, setBody] = useState(() => (existing ? htmlToParagraphs(existing.bodyHtml) : ''));
  const [bodyChanged, setBodyChanged] = useState(false);
  const [sectors, setSectors] = useState<string[]>(existing?.sectors ?? []);
  const [lever, setLever] = useState<string>(existing?.lever ?? 'technology-infrastructure');
  const [stage, setStage] = useState<string>(existing?.stage ?? 'planned');
  const [impact, setImpact] = useState(existing?.impactTco2ePerYear?.toString() ?? '');
  const [cost, setCost] = useState<string>(existing?.costRange ?? '');
  const [visitable, setVisitable] = useState(existing?.visitable ?? false);
  const [startYear, setStartYear] = useState(existing?.startYear?.toString() ?? '');
  const [endYear, setEndYear] = useState(existing?.endYear?.toString() ?? '');
  const [tags, setTags] = useState(existing?.tags.join(', ') ?? '');
  const [language, setLanguage] = useState(existing?.language ?? 'en');
  const [status, setStatus] = useState<string>(existing?.status ?? 'draft');

  if (!existing && !citySlug) return <Alert color="red">{t('library.form.noCity')}</Alert>;
  if (city.error) return <ProblemAlert error={city.error} />;
  if (!city.data) return <LoadingState />;
  const cityId = city.data.id;

  const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const fields = {
      title: title.trim(),
      summary: summary.trim(),
      ...(bodyChanged || !existing ? { bodyHtml: paragraphsToHtml(body) } : {}),
      sectors: sectors.flatMap((s) => {
        const code = SectorCode.safeParse(s);
        return code.success ? [code.data] : [];
      }),
      lever: LeverCode.parse(lever),
      stage: SolutionStage.parse(stage),
      impactTco2ePerYear: numberOrNull(impact),
      costRange: cost ? CostRange.parse(cost) : null,
      visitable,
      startYear: numberOrNull(startYear),
      endYear: numberOrNull(endYear),
      tags: tags.split(',').map((x) => x.trim()).filter(Boolean),
      language,
      status: SolutionStatus.parse(status),
    };
    const onError = (error: unknown) => setErrors(fieldErrorsOf(error));
    const onSuccess = (saved: SolutionDetail) => navigate(`/solutions/${saved.id}`);
    if (existing) update.mutate({ version: existing.version, ...fields }, { onSuccess, onError });
    else create.mutate({ cityId, links: [], bodyHtml: '', ...fields }, { onSuccess, onError });
  };

  const input = <T,>(name: string, set: (v: T) => void) => (value: T) => {
    set(value);
    clearError(name);
  };
  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'EDIT_CONFLICT';

  return (
    <>
      <PageTitle>{existing ? t('library.form.editTitle', { title: existing.title }) : t('library.form.newTitle', { city: city.data.name })}</PageTitle>
      {conflict ? (
        <Alert color="red" role="alert" title={t('errors.title')} mb="md">
          {t('errors.codes.EDIT_CONFLICT')}
        </Alert>
      ) : (
        <ProblemAlert error={mutation.error} />
      )}
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t('library.form.label')}>
        <Stack gap="md">
          <TextInput label={t('library.fields.title')} required value={title} onChange={(e) => input('title', setTitle)(e.currentTarget.value)} error={errors.title} />
          <Textarea label={t('library.fields.summary')} required autosize minRows={2} value={summary} onChange={(e) => input('summary', setSummary)(e.currentTarget.value)} error={errors.summary} />
          <Textarea
            label={t('library.fields.body')}
            description={t('library.form.bodyHint')}
            autosize
            minRows={5}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setBodyChanged(true);
              clearError('bodyHtml');
            }}
            error={errors.bodyHtml}
          />
          <Checkbox.Group label={t('library.facets.sector')} withAsterisk value={sectors} onChange={input('sectors', setSectors)} error={errors.sectors}>
            <Group gap="md" mt={4}>
              {SectorCode.options.map((code) => (
                <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('library.fields.lever')} value={lever} onChange={(e) => setLever(e.currentTarget.value)} data={LeverCode.options.map((v) => ({ value: v, label: t(`library.levers.${v}`) }))} />
            <NativeSelect label={t('library.fields.stage')} value={stage} onChange={(e) => setStage(e.currentTarget.value)} data={SolutionStage.options.map((v) => ({ value: v, label: t(`library.stages.${v}`) }))} />
            <NativeSelect
              label={t('library.fields.cost')}
              value={cost}
              onChange={(e) => setCost(e.currentTarget.value)}
              data={[{ value: '', label: t('library.unknown') }, ...CostRange.options.map((v) => ({ value: v, label: t(`library.costs.${v}`) }))]}
            />
            <TextInput label={t('library.fields.impact')} type="number" min={0} value={impact} onChange={(e) => input('impactTco2ePerYear', setImpact)(e.currentTarget.value)} error={errors.impactTco2ePerYear} />
            <TextInput label={t('library.fields.startYear')} type="number" value={startYear} onChange={(e) => input('startYear', setStartYear)(e.currentTarget.value)} error={errors.startYear} />
            <TextInput label={t('library.fields.endYear')} type="number" value={endYear} onChange={(e) => input('endYear', setEndYear)(e.currentTarget.value)} error={errors.endYear} />
            <NativeSelect
              label={t('library.fields.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={CONTENT_LANGUAGES.map((v) => ({ value: v, label: displayName(v, 'language', i18n.language) }))}
            />
            <TextInput label={t('library.fields.tags')} description={t('library.form.tagsHint')} value={tags} onChange={(e) => input('tags', setTags)(e.currentTarget.value)} error={errors.tags} />
            <NativeSelect
              label={t('library.fields.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={SolutionStatus.options.map((v) => ({ value: v, label: t(`library.status.${v}`) }))}
            />
          </SimpleGrid>
          <Checkbox label={t('library.fields.visitable')} checked={visitable} onChange={(e) => setVisitable(e.currentTarget.checked)} />
          <Text size="sm" c="dimmed">
            {t('library.form.statusHint')}
          </Text>
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('library.form.save')}
            </Button>
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
