import { Box, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../components/fact.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useCityPriorities } from './city-priorities.api.ts';
import '../../locales/lazy/city-priorities.strings.ts';

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : language);

/** A calendar day (YYYY-MM-DD) in words ("12 March 2027"), at noon UTC so no time zone moves it. */
const longDate = (day: string, language: string) => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/**
 * The city's priority sectors and levers from its answer to the support-needs
 * survey, for programme managers and the city's representatives (the server
 * checks again). Nothing while the city has not answered.
 */
export function CityPrioritiesSection({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const priorities = useCityPriorities(slug);
  if (priorities.error) return <ProblemAlert error={priorities.error} />;
  const p = priorities.data?.priorities;
  if (!p) return null;
  return (
    <Box component="section" aria-labelledby="city-priorities" mb="xl">
      <Title order={2} size="h3" id="city-priorities" mb="xs">
        {t('cityPriorities.title', { date: longDate(p.answeredOn, i18n.language) })}
      </Title>
      <Text size="sm" mb="sm">
        {t('cityPriorities.intro', { survey: p.surveyTitle })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="xs">
        <Fact term={t('cityPriorities.sectors')} value={p.sectors.map((s) => t(`sectors.${s}`)).join(', ') || t('cityPriorities.none')} />
        <Fact term={t('cityPriorities.levers')} value={p.levers.map((l) => t(`library.levers.${l}`)).join(', ') || t('cityPriorities.none')} />
      </SimpleGrid>
    </Box>
  );
}
