import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/visit.schemas.ts';
import { DelegationForm } from './delegation-form.tsx';
import { formatNumber } from './visit-format.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import '../../locales/lazy/visits.strings.ts';

/** Each visiting city's delegation: travel and CO2 for everyone, names and needs only for those entitled. */
export function DelegationsSection({ visit, maxDelegates }: { visit: Visit; maxDelegates: number }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const travellers = visit.travel.reduce((s, x) => s + x.travellers, 0);
  const n = (v: number) => formatNumber(v, i18n.language);

  return (
    <Stack gap="md">
      <Text>{t('visits.delegations.totals', { travellers, co2: n(visit.co2Kg) })}</Text>
      {visit.delegates === null && <Text size="sm">{t('visits.delegations.hidden')}</Text>}
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('visits.delegations.saved', { city: saved })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: editing ? 1 : 3 }}>
        {visit.visitors.map((city) => {
          const travel = visit.travel.find((x) => x.cityId === city.id);
          const delegates = visit.delegates?.filter((d) => d.cityId === city.id) ?? null;
          const mayEdit = visit.viewer.canPlan || visit.viewer.visitingCityIds.includes(city.id);
          const headingId = `delegation-${city.id}`;
          return (
            <Paper key={city.id} withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
              <Title order={3} size="h4" id={headingId} mb="xs">
                {city.name}
              </Title>
              {travel ? (
                <Text size="sm">
                  {t('visits.delegations.travel', { mode: t(`visits.modes.${travel.mode}`), travellers: travel.travellers, km: n(travel.distanceKm), co2: n(travel.co2Kg) })}
                </Text>
              ) : (
                <Text size="sm">{t('visits.delegations.notYet')}</Text>
              )}
              {delegates !== null && (mayEdit || visit.viewer.canPlan || visit.viewer.isHost) && (
                <>
                  {delegates.length === 0 ? (
                    <Text size="sm" mt="xs">
                      {t('visits.delegations.noDelegates')}
                    </Text>
                  ) : (
                                          <Table withTableBorder fz="sm" verticalSpacing={4} mt="xs">
                        <Table.Caption>{t('visits.delegations.caption', { city: city.name })}</Table.Caption>
                        <ColumnHeads labels={[t('visits.delegations.name'), t('visits.delegations.roleTitle'), t('visits.delegations.needs')]} />
                        <Table.Tbody>
                          {delegates.map((d) => (
                            <Table.Tr key={d.id}>
                              <Table.Td>
                                {d.name}
                                {d.email && <Text size="xs">{d.email}</Text>}
                              </Table.Td>
                              <Table.Td>{d.roleTitle || '—'}</Table.Td>
                              <Table.Td>{[d.dietary, d.accessNeeds].filter(Boolean).join('; ') || '—'}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                  )}
                </>
              )}
              {mayEdit &&
                (editing === city.id ? (
                  <div style={{ marginTop: 12 }}>
                    <DelegationForm
                      visit={visit}
                      city={city}
                      max={maxDelegates}
                      onSaved={() => {
                        setEditing(null);
                        setSaved(city.name);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </div>
                ) : (
                  <Group mt="sm">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setSaved(null);
                        setEditing(city.id);
                      }}
                    >
                      {t('visits.delegations.edit', { city: city.name })}
                    </Button>
                  </Group>
                ))}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
