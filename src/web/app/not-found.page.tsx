import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title.tsx';
import { RouterAnchor } from '../components/router-anchor.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text mb="md">{t('notFound.body')}</Text>
      <RouterAnchor to="/">{t('notFound.home')}</RouterAnchor>
    </>
  );
}
