import { Button, CloseButton, Group, Paper, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CityProfile, type CitySummary } from '../../../shared/city.schemas.ts';
import type { AboutKind } from '../../../shared/exchange.schemas.ts';
import { hasRole, representedCities } from '../../../shared/role-predicates.ts';
import { SolutionDetail } from '../../../shared/solution.schemas.ts';
import { Visit } from '../../../shared/visit.schemas.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useStartConversation } from './exchange.api.ts';
import '../../locales/lazy/exchange.strings.ts';

type Recipient = Pick<CitySummary, 'id' | 'name'>;

interface AboutTarget {
  kind: AboutKind;
  id: string | null;
  /** The card's line. */
  line: string;
  subject: string;
  /** Whom to write to unless the person changes it. */
  recipients: Recipient[];
}

const enc = encodeURIComponent;

/** What `?about=solution:<id>`, `city:<slug>` or `visit:<id>` points at, read from the public API. */
function useAboutTarget(about: string | null, myCities: string[]) {
  const { t } = useTranslation();
  const [kind, ref] = (about ?? '').split(':');
  return useQuery({
    queryKey: ['exchange', 'about', about, myCities],
    queryFn: async ({ signal }): Promise<AboutTarget> => {
      if (kind === 'solution' && ref) {
        const s = await apiGet(`/api/solutions/${enc(ref)}`, SolutionDetail, signal);
        return { kind: 'solution', id: s.id, line: t('exchange.about.solution', { title: s.title, city: s.city.name }), subject: s.title, recipients: [{ id: s.city.id, name: s.city.name }] };
      }
      if (kind === 'city' && ref) {
        const c = await apiGet(`/api/cities/${enc(ref)}`, CityProfile, signal);
        return { kind: 'city', id: c.id, line: t('exchange.about.city', { city: c.name }), subject: t('exchange.subjectCity', { city: c.name }), recipients: [{ id: c.id, name: c.name }] };
      }
      if (kind === 'visit' && ref) {
        const v = await apiGet(`/api/visits/${enc(ref)}`, Visit, signal);
        const title = t('exchange.visitTitle', { city: v.host.name });
        const cities = [v.host, ...v.visitors].filter((c) => !myCities.includes(c.id));
        // The host writes to the visitors; a visitor to the host.
        const recipients = myCities.includes(v.host.id) ? cities : cities.filter((c) => c.id === v.host.id);
        return { kind: 'visit', id: v.id, line: t('exchange.about.visit', { title }), subject: title, recipients: recipients.map((c) => ({ id: c.id, name: c.name })) };
      }
      return { kind: 'topic', id: null, line: t('exchange.about.topic'), subject: '', recipients: [] };
    },
  });
}

/** Start a conversation: with other cities, the programme team or an expert, about a solution, a city, a visit or a topic. */
export function NewConversationPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cities = representedCities(user);
  const [fromCityId, setFromCityId] = useState<string | null>(params.get('from') ?? cities[0]?.id ?? null);
  const target = useAboutTarget(params.get('about'), cities.map((c) => c.id));
  // The programme team writes to cities; a city or an expert may write to the team instead.
  const teamItself = !cities.length && hasRole(user, 'programme_manager');
  const [mode, setMode] = useState<'cities' | 'team'>(params.get('to') === 'team' && !teamItself ? 'team' : 'cities');
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const start = useStartConversation();

  useEffect(() => {
    if (!target.data) return;
    setRecipients(target.data.recipients);
    setSubject((s) => s || target.data.subject);
  }, [target.data]);

  const add = (city: CitySummary | null) => {
    if (city && !recipients.some((r) => r.id === city.id) && city.id !== fromCityId) setRecipients([...recipients, { id: city.id, name: city.name }]);
  };

  return (
    <Stack maw={720}>
      <PageTitle>{t('exchange.newTitle')}</PageTitle>
      <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="about-card">
        <Text size="xs" tt="uppercase" fw={700} c="dark.6">
          {t(`exchange.aboutKind.${target.data?.kind ?? 'topic'}`)}
        </Text>
        <Text fw={600}>{target.data?.line ?? t('common.loading')}</Text>
      </Paper>
      <ProblemAlert error={target.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate(
            {
              fromCityId,
              toCityIds: mode === 'cities' ? recipients.map((r) => r.id) : [],
              toProgrammeTeam: mode === 'team',
              about: { kind: target.data?.kind ?? 'topic', id: target.data?.id ?? null },
              subject,
              body,
            },
            { onSuccess: (page) => navigate(`/messages/${page.conversation.id}`) },
          );
        }}
      >
        <Stack>
          {cities.length > 1 && (
            <Select label={t('exchange.writeAs')} data={cities.map((c) => ({ value: c.id, label: c.name }))} value={fromCityId} onChange={setFromCityId} allowDeselect={false} />
          )}
          {!teamItself && (
          <Radio.Group label={t('exchange.to')} value={mode} onChange={(v) => setMode(v === 'team' ? 'team' : 'cities')}>
            <Group mt={4}>
              <Radio value="cities" label={t('exchange.toCities')} />
              <Radio value="team" label={t('exchange.toTeam')} />
            </Group>
          </Radio.Group>
          )}
          {mode === 'cities' && (
            <Stack gap="xs">
              {recipients.length > 0 && (
                <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('exchange.recipients')}>
                  {recipients.map((r) => (
                    <Paper component="li" key={r.id} withBorder radius="xl" px="sm" py={2}>
                      <Group gap={4}>
                        <Text size="sm">{r.name}</Text>
                        <CloseButton size="sm" aria-label={t('exchange.removeRecipient', { city: r.name })} onClick={() => setRecipients(recipients.filter((x) => x.id !== r.id))} />
                      </Group>
                    </Paper>
                  ))}
                </Group>
              )}
              <CityPicker value={null} onChange={add} label={t('exchange.addCity')} />
            </Stack>
          )}
          <TextInput label={t('exchange.subject')} required maxLength={200} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          <Textarea label={t('exchange.yourMessage')} description={t('exchange.messageHint')} required autosize minRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <ProblemAlert error={start.error} />
          <Group>
            <Button type="submit" loading={start.isPending} disabled={mode === 'cities' && recipients.length === 0}>
              {t('exchange.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
