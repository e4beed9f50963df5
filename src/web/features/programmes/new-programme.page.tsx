import { Button, NumberInput, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_SETTINGS, defaultTimeline, type ProgrammeFormat as Format } from '../../../domain/programmes/programme-template.ts';
import { CreateProgrammeBody, ProgrammeFormat } from '../../../shared/programme.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { formatLocalDate, isKnownTimeZone } from './programme-dates.ts';
import { useCreateProgramme } from './programmes.api.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';

const DEFAULT_TIME_ZONE = 'Europe/Brussels';
const DEFAULT_FORMAT: Format = 'group_study_visits';

interface Values {
  format: Format;
  year: number | string;
  timeZone: string;
  title: string;
  titleEdited: boolean;
  slug: string;
}
const yearOf = (v: Values) => (typeof v.year === 'number' ? v.year : Number.NaN);

/** /programmes/new: a new edition from the template, with a preview of the timeline the server fills. */
export function NewProgrammePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  // The title follows format and year until the manager writes their own.
  const titleOf = (v: Values): string => (v.titleEdited ? v.title : `${t(`programmes.formats.${v.format}`)} ${Number.isFinite(yearOf(v)) ? yearOf(v) : ''}`.trim());
  const form = useApiForm({
    initialValues: { format: DEFAULT_FORMAT, year: new Date().getFullYear() + 1, timeZone: DEFAULT_TIME_ZONE, title: '', titleEdited: false, slug: '' },
    schema: CreateProgrammeBody,
    toBody: (v) => ({ title: titleOf(v), format: v.format, editionYear: yearOf(v), timeZone: v.timeZone.trim(), ...(v.slug.trim() ? { slug: v.slug.trim() } : {}) }),
    validate: (v) => (isKnownTimeZone(v.timeZone.trim()) ? {} : { timeZone: t('programmes.create.unknownTimeZone') }),
    fieldOf: (path) => (path === 'editionYear' ? 'year' : path),
    mutation: useCreateProgramme(),
    onSuccess: (programme) => void navigate(`/programmes/${programme.slug}`),
  });
  const { format, timeZone } = form.values;
  const yearNumber = yearOf(form.values);
  const previewYear = Number.isInteger(yearNumber) && yearNumber >= 2020 && yearNumber <= 2100 ? yearNumber : null;
  const settings = DEFAULT_SETTINGS[format];

  return (
    <Stack gap="lg">
      <PageTitle>{t('programmes.create.title')}</PageTitle>
      <RouterAnchor to="/programmes" size="sm">
        {t('programmes.backToList')}
      </RouterAnchor>
      <Text>{t('programmes.create.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <form {...form.formProps} aria-label={t('programmes.create.title')}>
          <ProblemAlert error={form.requestError} />
          <Stack gap="md">
            <Radio.Group label={t('programmes.fields.format')} required {...form.getInputProps('format')}>
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
                {...form.getInputProps('year')}
              />
              <TextInput
                label={t('programmes.fields.timeZone')}
                description={t('programmes.fields.timeZoneHint')}
                required
                {...form.getInputProps('timeZone')}
              />
            </SimpleGrid>
            <TextInput
              label={t('programmes.fields.title')}
              required
              {...form.getInputProps('title')}
              value={titleOf(form.values)}
              onChange={(e) => {
                form.setFieldValue('title', e.currentTarget.value);
                form.setFieldValue('titleEdited', true);
              }}
            />
            <TextInput
              label={t('programmes.fields.slug')}
              description={t('programmes.fields.slugHint')}
              {...form.getInputProps('slug')}
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
                  <ColumnHeads labels={[t('programmes.timeline.step'), t('programmes.timeline.from'), t('programmes.timeline.to')]} />
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
              <Button {...form.submitProps}>{t('programmes.create.submit')}</Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
