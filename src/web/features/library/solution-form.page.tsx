import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { CostRange, CreateSolutionBody, LeverCode, SolutionStage, SolutionStatus, UpdateSolutionBody, type SolutionDetail } from '../../../shared/solution.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useSaveSolution, useSolution, useSolutionCity } from './library.api.ts';
import { displayName } from '../../lib/format.ts';

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

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
  const [initialBody] = useState(() => (existing ? htmlToParagraphs(existing.bodyHtml) : ''));
  const form = useApiForm({
    initialValues: {
      title: existing?.title ?? '',
      summary: existing?.summary ?? '',
      body: initialBody,
      sectors: existing?.sectors ?? [],
      lever: existing?.lever ?? 'technology-infrastructure',
      stage: existing?.stage ?? 'planned',
      impact: existing?.impactTco2ePerYear?.toString() ?? '',
      cost: existing?.costRange ?? '',
      visitable: existing?.visitable ?? false,
      startYear: existing?.startYear?.toString() ?? '',
      endYear: existing?.endYear?.toString() ?? '',
      tags: existing?.tags.join(', ') ?? '',
      language: existing?.language ?? 'en',
      status: existing?.status ?? 'draft',
    },
    schema: existing ? UpdateSolutionBody : CreateSolutionBody,
    toBody: (v) => {
      const fields = {
        title: v.title.trim(),
        summary: v.summary.trim(),
        sectors: v.sectors,
        lever: v.lever,
        stage: v.stage,
        impactTco2ePerYear: numberOrNull(v.impact),
        costRange: CostRange.safeParse(v.cost).data ?? null,
        visitable: v.visitable,
        startYear: numberOrNull(v.startYear),
        endYear: numberOrNull(v.endYear),
        tags: v.tags.split(',').map((x) => x.trim()).filter(Boolean),
        language: v.language,
        status: v.status,
      };
      // An edit sends the body only when it was changed: the stored HTML may hold more than these paragraphs show.
      if (existing) return { version: existing.version, ...fields, ...(v.body !== initialBody ? { bodyHtml: paragraphsToHtml(v.body) } : {}) };
      return { cityId: city.data?.id ?? '', links: [], bodyHtml: paragraphsToHtml(v.body), ...fields };
    },
    fieldOf: (path) => ({ bodyHtml: 'body', impactTco2ePerYear: 'impact', costRange: 'cost' })[path] ?? path,
    mutation: useSaveSolution(existing?.id ?? ''),
    onSuccess: (saved) => void navigate(`/solutions/${saved.id}`),
  });

  if (!existing && !citySlug) return <Alert color="red">{t('library.form.noCity')}</Alert>;
  if (city.error) return <ProblemAlert error={city.error} />;
  if (!city.data) return <LoadingState />;
  const conflict = form.requestError instanceof ApiError && form.requestError.code === 'EDIT_CONFLICT';
  const select = <V extends string>(options: readonly V[], label: (value: V) => string) => options.map((value) => ({ value, label: label(value) }));

  return (
    <>
      <PageTitle>{existing ? t('library.form.editTitle', { title: existing.title }) : t('library.form.newTitle', { city: city.data.name })}</PageTitle>
      {conflict ? (
        <Alert color="red" role="alert" title={t('errors.title')} mb="md">
          {t('errors.codes.EDIT_CONFLICT')}
        </Alert>
      ) : (
        <ProblemAlert error={form.requestError} />
      )}
      <form {...form.formProps} aria-label={t('library.form.label')}>
        <Stack gap="md">
          <TextInput label={t('library.fields.title')} required {...form.getInputProps('title')} />
          <Textarea label={t('library.fields.summary')} required autosize minRows={2} {...form.getInputProps('summary')} />
          <Textarea label={t('library.fields.body')} description={t('library.form.bodyHint')} autosize minRows={5} {...form.getInputProps('body')} />
          <Checkbox.Group label={t('library.facets.sector')} withAsterisk {...form.getInputProps('sectors')}>
            <Group gap="md" mt={4}>
              {SectorCode.options.map((code) => (
                <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('library.fields.lever')} {...form.getInputProps('lever')} data={select(LeverCode.options, (v) => t(`library.levers.${v}`))} />
            <NativeSelect label={t('library.fields.stage')} {...form.getInputProps('stage')} data={select(SolutionStage.options, (v) => t(`library.stages.${v}`))} />
            <NativeSelect
              label={t('library.fields.cost')}
              {...form.getInputProps('cost')}
              data={[{ value: '', label: t('library.unknown') }, ...select(CostRange.options, (v) => t(`library.costs.${v}`))]}
            />
            <TextInput label={t('library.fields.impact')} type="number" min={0} {...form.getInputProps('impact')} />
            <TextInput label={t('library.fields.startYear')} type="number" {...form.getInputProps('startYear')} />
            <TextInput label={t('library.fields.endYear')} type="number" {...form.getInputProps('endYear')} />
            <NativeSelect label={t('library.fields.language')} {...form.getInputProps('language')} data={select(CONTENT_LANGUAGES, (v) => displayName(v, 'language', i18n.language))} />
            <TextInput label={t('library.fields.tags')} description={t('library.form.tagsHint')} {...form.getInputProps('tags')} />
            <NativeSelect label={t('library.fields.status')} {...form.getInputProps('status')} data={select(SolutionStatus.options, (v) => t(`library.status.${v}`))} />
          </SimpleGrid>
          <Checkbox label={t('library.fields.visitable')} {...form.getInputProps('visitable', { type: 'checkbox' })} />
          <Text size="sm" c="dimmed">
            {t('library.form.statusHint')}
          </Text>
          <Group>
            <Button {...form.submitProps}>{t('library.form.save')}</Button>
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
