import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallKind } from '../../../shared/programme.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { applicationsExportUrl } from './review.api.ts';
import '../../locales/lazy/review.strings.ts';

/** A page of the call named in the address (`…/calls/:kind/…`); an address naming no call says so under `fallbackTitle`. */
export function CallRoute({ fallbackTitle, children }: { fallbackTitle: string; children: (slug: string, kind: CallKind) => ReactNode }) {
  const { t } = useTranslation();
  const { slug = '', kind } = useParams();
  const parsed = CallKind.safeParse(kind);
  if (!parsed.success) {
    return (
      <>
        <PageTitle>{fallbackTitle}</PageTitle>
        <Text>{t('review.badCall')}</Text>
      </>
    );
  }
  return children(slug, parsed.data);
}

/** The call's applications with answers, scores and decisions, as CSV and XLSX. */
export function ApplicationsExportLinks({ slug, kind }: { slug: string; kind: CallKind }) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor href={applicationsExportUrl(slug, kind, 'csv')} download>
        {t('review.exportCsv')}
      </Anchor>
      <Anchor href={applicationsExportUrl(slug, kind, 'xlsx')} download>
        {t('review.exportXlsx')}
      </Anchor>
    </>
  );
}
