import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useImportCities } from './cities.api.ts';

/** Programme managers import a CSV of cities: checked as a whole, every bad row listed, nothing written unless all rows are good. */
export function CityImportPage() {
  const { t } = useTranslation();
  const importer = useImportCities();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const rowErrors = importer.error instanceof ApiError && importer.error.code === 'CSV_INVALID' ? importer.error.fieldErrors : [];

  const run = (dryRun: boolean) => importer.mutate({ csv, dryRun });

  return (
    <>
      <PageTitle>{t('cities.import.title')}</PageTitle>
      <Text mb="sm">{t('cities.import.intro')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('cities.import.columns')}
      </Text>
      <Group mb="lg">
        <Anchor href="/api/cities/export.csv" download>
          {t('cities.import.exportCsv')}
        </Anchor>
        <Anchor href="/api/cities/export.xlsx" download>
          {t('cities.import.exportXlsx')}
        </Anchor>
      </Group>
      <Stack gap="md">
        <FileInput
          label={t('cities.import.file')}
          accept=".csv,text/csv"
          value={file}
          clearable
          onChange={async (next) => {
            setFile(next);
            importer.reset();
            setCsv(next ? await next.text() : '');
          }}
        />
        <Textarea label={t('cities.import.paste')} autosize minRows={6} maxRows={16} value={csv} onChange={(e) => { setCsv(e.currentTarget.value); importer.reset(); }} styles={{ input: { fontFamily: 'monospace' } }} />
        <Group>
          <Button variant="default" onClick={() => run(true)} disabled={!csv.trim()} loading={importer.isPending && importer.variables?.dryRun === true}>
            {t('cities.import.check')}
          </Button>
          <Button onClick={() => run(false)} disabled={!csv.trim()} loading={importer.isPending && importer.variables?.dryRun === false}>
            {t('cities.import.run')}
          </Button>
        </Group>
      </Stack>
      {importer.data && (
        <Alert color="green" role="status" mt="lg" title={importer.data.dryRun ? t('cities.import.checkedTitle') : t('cities.import.doneTitle')}>
          {t('cities.import.summary', importer.data)}
        </Alert>
      )}
      {rowErrors.length > 0 ? (
        <Stack mt="lg" gap="xs">
          <Alert color="red" role="alert" title={t('cities.import.refusedTitle')}>
            {t('cities.import.refused', { count: rowErrors.length })}
          </Alert>
          <Title order={2} size="h3">
            {t('cities.import.rowReport')}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cities.import.line')}</Table.Th>
                <Table.Th>{t('cities.import.column')}</Table.Th>
                <Table.Th>{t('cities.import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rowErrors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.line ?? '—'}</Table.Td>
                  <Table.Td>{e.column || '—'}</Table.Td>
                  <Table.Td>{e.reason ? reasonText(e.reason) : e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <ProblemAlert error={importer.error} />
      )}
    </>
  );
}
