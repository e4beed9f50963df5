import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { AgendaList } from './agenda-list.tsx';
import { formatDay } from './visit-format.ts';
import { useProgramme, useVisit } from './visits.api.ts';
import { PageProblem } from '../../components/page-problem.tsx';
import './printable.css';
import '../../locales/lazy/visits.strings.ts';

/** /visits/:id/programme: the visit's programme for delegates, made to be printed (or saved as PDF). */
export function PrintableProgrammePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const visit = useVisit(id);
  const programme = useProgramme(visit.data?.programmeSlug ?? '');

  // The print stylesheet applies only while this page is shown.
  useEffect(() => {
    document.body.classList.add('printing-programme');
    return () => document.body.classList.remove('printing-programme');
  }, []);

  if (visit.isPending) return <LoadingState />;
  if (visit.isError) {
    return (
      <PageProblem title={t('visits.print.fallbackTitle')} error={visit.error} />
    );
  }
  const v = visit.data;
  const delegatesOf = (cityId: string) => (v.delegates ?? []).filter((d) => d.cityId === cityId);

  return (
    <Stack gap="md" className="printable-programme">
      <Group className="no-print" gap="lg">
        <RouterAnchor to={`/visits/${v.id}`}>{t('visits.print.back')}</RouterAnchor>
        <Button size="xs" variant="default" onClick={() => window.print()}>
          {t('visits.print.print')}
        </Button>
      </Group>
      <PageTitle>{t('visits.print.title', { host: v.host.name })}</PageTitle>
      {programme.data && <Text fw={600}>{programme.data.title}</Text>}
      <Text>{v.startsOn ? t('visits.range', { start: formatDay(v.startsOn, i18n.language, 'full'), end: formatDay(v.endsOn ?? v.startsOn, i18n.language, 'full') }) : t('visits.noDates')}</Text>
      <Text>
        {t('visits.print.host', { host: v.host.name })} · {t('visits.print.facilitator', { name: v.facilitator ?? t('visits.toBeConfirmed') })}
      </Text>
      <Text>{t('visits.print.visitors', { cities: v.visitors.map((c) => c.name).join(', ') })}</Text>
      <section className="print-section" aria-labelledby="print-agenda">
        <Title order={2} size="h3" id="print-agenda">
          {t('visits.agenda.title')}
        </Title>
        <AgendaList visit={v} headingOrder={3} />
      </section>
      {v.delegates !== null && v.delegates.length > 0 && (
        <section className="print-section delegations-page" aria-labelledby="print-delegations">
          <Title order={2} size="h3" id="print-delegations" mb="xs">
            {t('visits.print.delegations')}
          </Title>
          {v.visitors
            .filter((c) => delegatesOf(c.id).length > 0)
            .map((c) => (
              <div key={c.id}>
                <Title order={3} size="h4" mt="sm">
                  {c.name}
                </Title>
                <List size="sm">
                  {delegatesOf(c.id).map((d) => (
                    <List.Item key={d.id}>{d.roleTitle ? `${d.name}, ${d.roleTitle}` : d.name}</List.Item>
                  ))}
                </List>
              </div>
            ))}
        </section>
      )}
    </Stack>
  );
}
