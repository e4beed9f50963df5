import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErasureReport } from '../../shared/personal-data.schemas.ts';
import '../locales/lazy/personal-data.strings.ts';

/** What an erasure did, table by table: deleted, anonymised or kept, and why (the server's words). */
export function ErasureReportView({ report }: { report: ErasureReport }) {
  const { t } = useTranslation();
  const groups = (['deleted', 'anonymised', 'kept'] as const).map((outcome) => ({ outcome, items: report.items.filter((i) => i.outcome === outcome) }));
  return (
    <Stack gap="sm" role="status" aria-label={t('personalData.report.title')}>
      <Text>{t('personalData.report.intro', { name: report.formerName })}</Text>
      {groups.map(({ outcome, items }) =>
        items.length === 0 ? null : (
          <div key={outcome}>
            <Text fw={600}>{t(`personalData.report.${outcome}`)}</Text>
            <List size="sm" spacing={4}>
              {items.map((item) => (
                <List.Item key={item.table}>
                  {t('personalData.report.item', { holds: item.holds, rows: item.rows })}
                  {outcome === 'kept' && (
                    <Text size="sm" c="dimmed">
                      {item.why}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        ),
      )}
    </Stack>
  );
}
