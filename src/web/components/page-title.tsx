import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1, also the document title. It takes focus after a
 * client-side navigation (see app-layout.tsx), so screen readers announce
 * the new page; tabIndex -1 makes it focusable without adding a tab stop.
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);
  return (
    <Title order={1} tabIndex={-1} data-page-title mb="md">
      {children}
    </Title>
  );
}
