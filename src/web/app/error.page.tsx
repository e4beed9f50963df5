import { Anchor, Button, Container, Group, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageTitle } from '../components/page-title.tsx';
import { NotFoundPage } from './not-found.page.tsx';

/**
 * Shown when rendering a page throws. Inside the layout it replaces only the
 * page; `standalone` is the last resort when the layout itself failed and
 * brings its own <main> landmark.
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    // Details go to the console for developers, never onto the page.
    console.error(error);
  }, [error]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const content = (
    <>
      <PageTitle>{t('errorPage.title')}</PageTitle>
      <Text mb="md">{t('errorPage.body')}</Text>
      <Group>
        <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
        <Anchor href="/">{t('errorPage.home')}</Anchor>
      </Group>
    </>
  );
  if (!standalone) return content;
  return (
    <Container component="main" size="lg" py="xl">
      {content}
    </Container>
  );
}
