import { Alert, Button, FileInput, Group, MultiSelect, NativeSelect, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CityPage, CityProfile } from '../../../shared/city.schemas.ts';
import { representedCities } from '../../../shared/role-predicates.ts';
import { NewSupportRequest, SupportKind, SupportUrgency } from '../../../shared/support.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { apiGet, queryString } from '../../lib/api-client.ts';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { useCurrentUser, useSession } from '../../lib/session.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { languageOptions } from './support-format.tsx';
import { LeverCheckboxes, SectorCheckboxes } from './topic-checkboxes.tsx';
import { useAskForSupport } from './support.api.ts';
import { uploadRequestFiles } from './knowledge.api.ts';
import { megabytes } from '../../../shared/file-size.ts';
import { SUPPORT_ATTACHMENT_MAX_BYTES, SUPPORT_ATTACHMENTS_MAX } from '../../../shared/support-attachment.schemas.ts';
import '../../locales/lazy/support.strings.ts';

const enc = encodeURIComponent;

/**
 * The languages a city declared on its profile, its first language first. The
 * person's role names the city by id and name; the public profile is found by
 * slug, so the city is looked up by name first.
 */
function useCityLanguages(city: { id: string; name: string } | undefined) {
  return useQuery({
    queryKey: ['support', 'city-languages', city?.id],
    enabled: city !== undefined,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      if (!city) return [];
      const found = await apiGet(`/api/cities${queryString({ q: city.name, pageSize: 10 })}`, CityPage, signal);
      const match = found.items.find((c) => c.id === city.id);
      if (!match) return [];
      const profile = await apiGet(`/api/cities/${enc(match.slug)}`, CityProfile, signal);
      return profile.languages.map((code) => code.toLowerCase()).filter((code) => /^[a-z]{2}$/.test(code)).slice(0, 5);
    },
  });
}

interface Values {
  cityId: string;
  title: string;
  question: string;
  sectors: string[];
  levers: string[];
  languages: string[];
  kind: string;
  urgency: string;
}

/** /support/new: a city representative asks for support; the request is routed at once and its page says to whom and why. */
export function NewSupportRequestPage() {
  // The form starts from the person's cities: wait for the session (the route's guard has usually loaded it).
  const session = useSession();
  if (session.isPending) return <LoadingState />;
  return <NewRequestForm />;
}

function NewRequestForm() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cities = representedCities(user);
  const ask = useAskForSupport();
  const startCity = cities.find((c) => c.id === params.get('city')) ?? cities[0];
  // PDFs to attach: uploaded once the request exists; the request's page lists them (and says if one was refused).
  const [files, setFiles] = useState<File[]>([]);

  const form = useApiForm({
    initialValues: { cityId: startCity?.id ?? '', title: '', question: '', sectors: [], levers: [], languages: [], kind: 'answer', urgency: 'normal' } satisfies Values as Values,
    schema: NewSupportRequest,
    toBody: (v) => ({ ...v, title: v.title.trim(), question: v.question.trim() }) as Partial<NewSupportRequest>,
    validate: (v): FieldErrors => ({
      title: v.title.trim().length < 5 ? t('support.form.errors.title') : undefined,
      question: v.question.trim().length < 20 ? t('support.form.errors.question') : undefined,
      languages: v.languages.length === 0 ? t('support.form.errors.languages') : v.languages.length > 5 ? t('support.form.errors.tooManyLanguages') : undefined,
    }),
    mutation: ask,
    onSuccess: (created) => {
      const go = () => void navigate(`/support/${created.id}`);
      if (files.length) void uploadRequestFiles(created.id, files).then(go, go);
      else go();
    },
  });

  const chosenCity = cities.find((c) => c.id === form.values.cityId);
  const cityLanguages = useCityLanguages(chosenCity);
  // The city's own languages are chosen to begin with, until the person picks languages themselves.
  const setFieldValue = form.setFieldValue;
  const languagesTouched = form.isTouched('languages');
  useEffect(() => {
    if (cityLanguages.data && cityLanguages.data.length > 0 && !languagesTouched) setFieldValue('languages', cityLanguages.data);
  }, [cityLanguages.data, languagesTouched, setFieldValue]);

  if (cities.length === 0) {
    return (
      <Stack>
        <PageTitle>{t('support.form.title')}</PageTitle>
        <Alert color="blue" variant="light">
          {t('support.form.noCity')}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack maw={760}>
      <PageTitle>{t('support.form.title')}</PageTitle>
      <Text>{t('support.form.intro')}</Text>
      <ProblemAlert error={form.requestError} />
      <form {...form.formProps} aria-label={t('support.form.label')}>
        <Stack gap="md">
          {cities.length > 1 && (
            <NativeSelect
              label={t('support.form.city')}
              data={cities.map((c) => ({ value: c.id, label: c.name }))}
              required
              {...form.getInputProps('cityId')}
            />
          )}
          <TextInput label={t('support.form.titleField')} description={t('support.form.titleHint')} required maxLength={200} {...form.getInputProps('title')} />
          <Textarea label={t('support.form.question')} description={t('support.form.questionHint')} required autosize minRows={6} maxLength={5000} {...form.getInputProps('question')} />
          <FileInput
            label={t('support.attachments.add')}
            description={t('support.attachments.newHint', { max: SUPPORT_ATTACHMENTS_MAX, size: megabytes(SUPPORT_ATTACHMENT_MAX_BYTES) })}
            accept="application/pdf"
            multiple
            clearable
            value={files}
            onChange={(f) => setFiles(f.slice(0, SUPPORT_ATTACHMENTS_MAX))}
          />
          <SectorCheckboxes label={t('support.form.sectors')} description={t('support.form.sectorsHint')} {...form.getInputProps('sectors')} />
          <LeverCheckboxes label={t('support.form.levers')} description={t('support.form.leversHint')} {...form.getInputProps('levers')} />
          <MultiSelect
            label={t('support.form.languages')}
            description={t('support.form.languagesHint')}
            required
            searchable
            maxValues={5}
            data={languageOptions(i18n.language, (name, code) => t('support.languageOption', { name, code }), [...form.values.languages, ...(cityLanguages.data ?? [])])}
            withScrollArea={false}
            {...form.getInputProps('languages')}
          />
          <Radio.Group label={t('support.form.kind')} required {...form.getInputProps('kind')}>
            <Stack gap="sm" mt={4}>
              {SupportKind.options.map((kind) => (
                <Radio key={kind} value={kind} label={t(`support.kinds.${kind}`)} description={t(`support.kindHints.${kind}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('support.form.urgency')} description={t('support.form.urgencyHint')} {...form.getInputProps('urgency')}>
            <Group gap="md" mt={4}>
              {SupportUrgency.options.map((urgency) => (
                <Radio key={urgency} value={urgency} label={t(`support.urgencies.${urgency}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Group>
            <Button {...form.submitProps}>{t('support.form.send')}</Button>
            <Button variant="default" onClick={() => navigate('/support')}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
