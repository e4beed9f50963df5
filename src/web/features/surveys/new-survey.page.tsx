import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateSurveyBody, SurveyTemplateKey } from '../../../shared/survey.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCreateSurvey, useSurveyTemplates } from './surveys.api.ts';
import '../../locales/lazy/surveys.strings.ts';

/** Today in Brussels as YYYY-MM-DD (the answer window's days are the programme's). */
export function brusselsToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A day `days` after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** /surveys/new: start from one of the platform's templates, or from a blank questionnaire. */
export function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useSurveyTemplates();
  const create = useCreateSurvey();
  const start = (body: CreateSurveyBody) => create.mutate(body, { onSuccess: (survey) => void navigate(`/surveys/${survey.id}/edit`) });
  const blank = (): CreateSurveyBody => {
    const today = brusselsToday();
    return {
      title: t('surveys.new.blankTitle'),
      description: '',
      audience: { kind: 'all-cities' },
      respondent: 'city',
      anonymous: false,
      opensOn: today,
      closesOn: addDays(today, 28),
      programmeId: null,
      definition: { sections: [{ id: 'section-1', title: t('surveys.new.firstSection'), questions: [] }] },
    };
  };
  const busyWith = create.isPending ? create.variables : undefined;
  const busyKey = (key: SurveyTemplateKey) => busyWith !== undefined && 'template' in busyWith && busyWith.template === key;
  return (
    <Stack>
      <RouterAnchor to="/surveys/manage">{t('surveys.manage.back')}</RouterAnchor>
      <PageTitle>{t('surveys.new.title')}</PageTitle>
      <Text>{t('surveys.new.intro')}</Text>
      <ProblemAlert error={create.error} />
      {templates.isPending && <LoadingState />}
      {templates.isError && <ProblemAlert error={templates.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('surveys.new.templates')}>
        {templates.data?.items.map((template) => (
          <Paper component="li" key={template.key} withBorder p="md" radius="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Title order={2} size="h4">
                  {template.title}
                </Title>
                <Text size="sm" mt={4}>
                  {template.description}
                </Text>
                <Text size="sm" c="dark.6" mt={4}>
                  {t('surveys.new.questionCount', { count: template.questionCount })} · {t(`surveys.settings.respondents.${template.respondent}`)}
                  {template.anonymous ? ` · ${t('surveys.settings.anonymousShort')}` : ''}
                </Text>
              </div>
              <Button variant="light" w="fit-content" loading={busyKey(template.key)} disabled={create.isPending} onClick={() => start({ template: template.key })} aria-label={t('surveys.new.useTemplateNamed', { title: template.title })}>
                {t('surveys.new.useTemplate')}
              </Button>
            </Stack>
          </Paper>
        ))}
        <Paper component="li" withBorder p="md" radius="md">
          <Stack gap="xs" h="100%" justify="space-between">
            <div>
              <Title order={2} size="h4">
                {t('surveys.new.blank')}
              </Title>
              <Text size="sm" mt={4}>
                {t('surveys.new.blankHint')}
              </Text>
            </div>
            <Button variant="light" w="fit-content" loading={busyWith !== undefined && 'definition' in busyWith} disabled={create.isPending} onClick={() => start(blank())}>
              {t('surveys.new.startBlank')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
