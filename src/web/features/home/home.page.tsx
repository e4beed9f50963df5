import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SECTOR_CODES } from '../../../domain/reference/sectors.ts';
import { ContactLink } from '../../components/contact-link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { ProgrammeTimeline } from './programme-timeline.tsx';

/** What the programme is and how a city takes part, written for a city officer. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('home.title')}</PageTitle>
        <Text size="lg" maw={760}>
          {t('home.lead')}
        </Text>
        <Group mt="md">
          {user ? (
            <Button component={Link} to="/account">
              {t('home.toAccount')}
            </Button>
          ) : (
            <Button component={Link} to="/sign-in">
              {t('home.signIn')}
            </Button>
          )}
        </Group>
      </div>

      <section aria-labelledby="how-heading">
        <Title order={2} id="how-heading" mb="sm">
          {t('home.howTitle')}
        </Title>
        <Text mb="lg" maw={760}>
          {t('home.howIntro')}
        </Text>
        <ProgrammeTimeline />
      </section>

      <section aria-labelledby="sectors-heading">
        <Title order={2} id="sectors-heading" mb="sm">
          {t('home.sectorsTitle')}
        </Title>
        <Text mb="sm" maw={760}>
          {t('home.sectorsIntro')}
        </Text>
        <List spacing={4}>
          {SECTOR_CODES.map((code) => (
            <List.Item key={code}>{t(`sectors.${code}`)}</List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="who-heading">
        <Title order={2} id="who-heading" mb="sm">
          {t('home.whoTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Paper withBorder p="lg" radius="md">
            <Title order={3} size="h4" mb="xs">
              {t('home.hostsTitle')}
            </Title>
            <Text size="sm">{t('home.hostsBody')}</Text>
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Title order={3} size="h4" mb="xs">
              {t('home.visitorsTitle')}
            </Title>
            <Text size="sm">{t('home.visitorsBody')}</Text>
          </Paper>
        </SimpleGrid>
      </section>

      <section aria-labelledby="why-heading">
        <Title order={2} id="why-heading" mb="sm">
          {t('home.whyTitle')}
        </Title>
        <Text maw={760}>{t('home.whyBody')}</Text>
      </section>

      <section aria-labelledby="join-heading">
        <Title order={2} id="join-heading" mb="sm">
          {t('home.joinTitle')}
        </Title>
        <Text maw={760}>{t('home.joinBody')}</Text>
        <Text maw={760} mt="sm">
          {t('home.contactLabel')} <ContactLink />
        </Text>
      </section>
    </Stack>
  );
}
