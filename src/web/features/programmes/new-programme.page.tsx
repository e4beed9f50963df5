import { Button, NumberInput, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_SETTINGS, defaultTimeline, type ProgrammeFormat as Format } from '../../../domain/programmes/programme-template.ts';
import { CreateProgrammeBody, ProgrammeFormat } from '../../../shared/programme.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { formatLocalDate, isKnownTimeZone } from './programme-dates.ts';
import { useCreateProgramme } from './programmes.api.ts';

const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/** /programmes/new: a new edition from the template, with a preview of the timeline the server fills. */
export function NewProgrammePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProgramme();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [format, setFormat] = useState<Format>('group_study_visits');
  const [year, setYear] = useState<number | string>(new Date().getFullYear() + 1);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [slug, setSlug] = useState('');

  const yearNumber = typeof year === 'number' ? year : Number.NaN;
  const suggestedTitle = `${t(`programmes.formats.${format}`)} ${Number.isFinite(yearNumber) ? yearNumber : ''}`.trim();
  const shownTitle = titleEdited ? title : suggestedTitle;
  const previewYear = Number.isInteger(yearNumber) && yearNumber >= 2020 && yearNumber <= 2100 ? yearNumber : null;
  const settings = DEFAULT_SETTINGS[format];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = { title: shownTitle, format, editionYear: yearNumber, timeZone: timeZone.trim(), ...(slug.trim() ? { slug: slug.trim() } : {}) };
    const checked = validateWith(CreateProgrammeBody, values, t);
    const problems = checked.ok ? {} : { ...checked.errors };
    if (!isKnownTimeZone(values.timeZone)) problems.timeZone = t('programmes.create.unknownTimeZone');
    if (!checked.ok || Object.keys(problems).length > 0) return setErrors(problems);
    create.mutate(checked.data, {
      onSuccess: (programme) => void navigate(`/programmes/${programme.slug}`),
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t('programmes.create.title')}</PageTitle>
      <RouterAnchor to="/programmes" size="sm">
        {t('programmes.backToList')}
      </RouterAnchor>
      <Text>{t('programmes.create.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <form ref={formRef} onSubmit={submit} noValidate aria-label={t('programmes.create.title')}>
          <ProblemAlert error={create.error} />
          <Stack gap="md">
            <Radio.Group label={t('programmes.fields.format')} required value={format} onChange={(v) => setFormat(ProgrammeFormat.parse(v))}>
              <Stack gap="xs" mt={4}>
                {ProgrammeFormat.options.map((f) => (
                  <Radio key={f} value={f} label={t(`programmes.formats.${f}`)} description={t(`programmes.formatHints.${f}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('programmes.fields.editionYear')}
                description={t('programmes.fields.editionYearHint')}
                required
                min={2020}
                max={2100}
                allowDecimal={false}
                value={year}
                onChange={(v) => {
                  setYear(v);
                  clearError('editionYear');
                }}
                error={errors.editionYear}
              />
              <TextInput
                label={t('programmes.fields.timeZone')}
                description={t('programmes.fields.timeZoneHint')}
                required
                value={timeZone}
                onChange={(e) => {
                  setTimeZone(e.currentTarget.value);
                  clearError('timeZone');
                }}
                error={errors.timeZone}
              />
            </SimpleGrid>
            <TextInput
              label={t('programmes.fields.title')}
              required
              value={shownTitle}
              onChange={(e) => {
                setTitle(e.currentTarget.value);
                setTitleEdited(true);
                clearError('title');
              }}
              error={errors.title}
            />
            <TextInput
              label={t('programmes.fields.slug')}
              description={t('programmes.fields.slugHint')}
              value={slug}
              onChange={(e) => {
                setSlug(e.currentTarget.value);
                clearError('slug');
              }}
              error={errors.slug}
            />
            <section aria-labelledby="template-preview-heading">
              <Title order={2} size="h4" id="template-preview-heading" mb="xs">
                {t('programmes.create.previewTitle')}
              </Title>
              <Text size="sm" mb="sm">
                {t('programmes.create.previewNumbers', {
                  hosts: settings.hostCount,
                  perHost: settings.visitorsPerHost,
                  visitors: settings.hostCount * settings.visitorsPerHost,
                  delegates: settings.maxDelegatesPerCity,
                })}
              </Text>
              {previewYear === null ? (
                <Text size="sm">{t('programmes.create.previewNeedsYear')}</Text>
              ) : (
                <Table>
                  <Table.Caption>{t('programmes.create.previewCaption', { timeZone: timeZone || DEFAULT_TIME_ZONE })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('programmes.timeline.step')}</Table.Th>
                      <Table.Th scope="col">{t('programmes.timeline.from')}</Table.Th>
                      <Table.Th scope="col">{t('programmes.timeline.to')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {defaultTimeline(previewYear).map((m) => (
                      <Table.Tr key={m.kind}>
                        <Table.Th scope="row">{t(`programmes.milestones.${m.kind}`)}</Table.Th>
                        <Table.Td>{formatLocalDate(m.startsOn, i18n.language)}</Table.Td>
                        <Table.Td>{formatLocalDate(m.endsOn, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
            <div>
              <Button type="submit" loading={create.isPending}>
                {t('programmes.create.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
