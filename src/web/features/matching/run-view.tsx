import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairRule, PairRuleBody, RunDetail } from '../../../shared/matching.schemas.ts';
import { LinkMap } from '../../components/link-map.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { reasonText } from '../../lib/reason-text.ts';
import { usePairRule } from './matching.api.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import '../../locales/lazy/matching.strings.ts';

const COMPONENTS = ['thematic', 'evaluation', 'likeness', 'language', 'travel', 'priorities'] as const;

export function useNumber() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : i18n.language;
  return (value: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

interface RunViewProps {
  slug: string;
  run: RunDetail;
  /** The programme's current locked and forbidden pairs. */
  pairRules: readonly PairRule[];
  /** Lock and forbid are offered while the matching is not published. */
  editable: boolean;
}

/** One run: what moved since the previous run, the visitors per host with their fit, unplaced cities, the map. */
export function RunView({ slug, run, pairRules, editable }: RunViewProps) {
  const { t } = useTranslation();
  const format = useNumber();
  const pair = usePairRule(slug);
  // The priorities column only when a visitor of the run has priorities (support-needs survey).
  const components = COMPONENTS.filter((k) => k !== 'priorities' || run.hosts.some((h) => h.visitors.some((v) => v.components.some((c) => c.key === k))));
  const ruleOf = (hostCityId: string, visitorCityId: string) => pairRules.find((r) => r.hostCityId === hostCityId && r.visitorCityId === visitorCityId)?.rule ?? null;
  // Lock, unlock, forbid and "move there" set one pair's rule; small grey buttons unless `look` says otherwise.
  const ruleButton = (change: PairRuleBody, label: string, ariaLabel: string, look: ButtonProps = {}) => (
    <Button size="compact-xs" variant="default" aria-label={ariaLabel} onClick={() => pair.mutate(change)} {...look}>
      {label}
    </Button>
  );

  return (
    <Stack gap="lg">
      {run.status === 'infeasible' ? (
        <Alert color="red" variant="light" title={t('matching.run.infeasibleTitle')}>
          <Text size="sm">{t('matching.run.infeasible', { reason: run.reason ? reasonText(run.reason) : '' })}</Text>
        </Alert>
      ) : (
        <Text>
          {t('matching.run.optimal', { placed: run.placed, total: format(run.objective ?? 0, 2) })}
          {run.unplaced.length > 0 ? ` ${t('matching.run.someUnplaced', { count: run.unplaced.length })}` : ''}
        </Text>
      )}
      {run.stale && (
        <Alert color="yellow" variant="light" title={t('matching.run.staleTitle')}>
          <Text size="sm">{reasonText(run.stale)}</Text>
        </Alert>
      )}
      <ProblemAlert error={pair.error} />

      <section aria-labelledby="run-diff-title">
        <Title order={3} size="h4" id="run-diff-title" mb="xs">
          {run.diff ? t('matching.diff.title', { number: run.diff.previousNumber }) : t('matching.diff.titleFirst')}
        </Title>
        {!run.diff ? (
          <Text size="sm">{t('matching.diff.first')}</Text>
        ) : (
          <>
            {run.diff.objectiveChange !== null && <Text size="sm">{t('matching.diff.objective', { change: `${run.diff.objectiveChange >= 0 ? '+' : ''}${format(run.diff.objectiveChange, 2)}` })}</Text>}
            {run.diff.moved.length === 0 ? (
              <Text size="sm">{t('matching.diff.nothingMoved')}</Text>
            ) : (
              <List size="sm" aria-label={t('matching.diff.movedLabel')}>
                {run.diff.moved.map((m) => (
                  <List.Item key={m.cityId}>{t('matching.diff.moved', { name: m.name, from: m.from ?? t('matching.diff.unplaced'), to: m.to ?? t('matching.diff.unplaced') })}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </section>

      {run.hosts.map((host) => (
        <Paper key={host.cityId} withBorder p="md" radius="md" component="section" aria-labelledby={`host-${host.cityId}`}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4" id={`host-${host.cityId}`}>
              {t('matching.host.title', { name: host.name, count: host.visitors.length, capacity: host.capacity })}
            </Title>
            <Text size="sm">{host.facilitator ? t('matching.host.facilitator', { name: host.facilitator.name }) : t('matching.host.noFacilitator')}</Text>
          </Group>
          {host.visitors.length === 0 ? (
            <Text size="sm">{t('matching.host.empty')}</Text>
          ) : (
            <ScrollRegion label={t('matching.host.caption', { name: host.name })}>
              <Table striped withTableBorder verticalSpacing="xs" miw={900}>
                <Table.Caption>{t('matching.host.caption', { name: host.name })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('matching.host.visitor')}</Table.Th>
                    <Table.Th scope="col">{t('matching.host.fit')}</Table.Th>
                    {components.map((k) => (
                      <Table.Th scope="col" key={k}>
                        {t(`matching.weights.${k}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('matching.host.runnerUp')}</Table.Th>
                    {editable && <Table.Th scope="col">{t('matching.host.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {host.visitors.map((v) => {
                    const rule = ruleOf(host.cityId, v.cityId);
                    return (
                      <Table.Tr key={v.cityId}>
                        <Table.Th scope="row">
                          {v.name} ({v.country}){' '}
                          {v.locked && (
                            <Badge size="sm" variant="outline" color="dark">
                              {t('matching.host.locked')}
                            </Badge>
                          )}
                        </Table.Th>
                        <Table.Td>{format(v.score, 2)}</Table.Td>
                        {components.map((k) => {
                          const c = v.components.find((x) => x.key === k);
                          return (
                            <Table.Td key={k}>
                              {c ? (
                                <>
                                  <Text size="sm" fw={600}>
                                    {t('matching.host.contribution', { value: format(c.contribution, 1), weight: format(c.weight, 0) })}
                                  </Text>
                                  <Text size="xs">{c.reasons.map(reasonText).join(', ')}</Text>
                                </>
                              ) : (
                                '–'
                              )}
                            </Table.Td>
                          );
                        })}
                        <Table.Td>
                          {v.runnerUp ? (
                            <>
                              <Text size="sm" fw={600}>
                                {v.runnerUp.hostName}
                              </Text>
                              <Text size="xs">{reasonText(v.runnerUp.reason)}</Text>
                              {editable &&
                                ruleButton(
                                  { hostCityId: v.runnerUp.hostCityId, visitorCityId: v.cityId, rule: 'locked' },
                                  t('matching.pair.moveThere', { host: v.runnerUp.hostName }),
                                  t('matching.pair.lockLabel', { visitor: v.name, host: v.runnerUp.hostName }),
                                  { mt: 4 },
                                )}
                            </>
                          ) : (
                            t('matching.host.noRunnerUp')
                          )}
                        </Table.Td>
                        {editable && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {ruleButton(
                                { hostCityId: host.cityId, visitorCityId: v.cityId, rule: rule === 'locked' ? 'none' : 'locked' },
                                rule === 'locked' ? t('matching.pair.unlock') : t('matching.pair.lock'),
                                t(rule === 'locked' ? 'matching.pair.unlockLabel' : 'matching.pair.lockLabel', { visitor: v.name, host: host.name }),
                                { size: 'compact-sm', variant: rule === 'locked' ? 'filled' : 'default', loading: pair.isPending && pair.variables.visitorCityId === v.cityId },
                              )}
                              {ruleButton({ hostCityId: host.cityId, visitorCityId: v.cityId, rule: 'forbidden' }, t('matching.pair.forbid'), t('matching.pair.forbidLabel', { visitor: v.name, host: host.name }), {
                                size: 'compact-sm',
                                color: 'red',
                              })}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
          {host.alternates.length > 0 && (
            <Text size="sm" mt="xs">
              {t('matching.host.alternates', {
                list: host.alternates.map((a) => t('matching.host.alternate', { name: a.name, drop: format(a.totalDrop, 2) })).join('; '),
              })}
            </Text>
          )}
        </Paper>
      ))}

      <section aria-labelledby="run-unplaced-title">
        <Title order={3} size="h4" id="run-unplaced-title" mb="xs">
          {t('matching.unplaced.title')}
        </Title>
        {run.status === 'infeasible' ? (
          <Text size="sm">{t('matching.unplaced.infeasible')}</Text>
        ) : run.unplaced.length === 0 ? (
          <Text size="sm">{t('matching.unplaced.none')}</Text>
        ) : (
          <Stack gap="sm">
            {run.unplaced.map((u) => (
              <div key={u.cityId}>
                <Text fw={600}>
                  {u.name} ({u.country})
                </Text>
                <List size="sm">
                  {u.reasons.map((r) => (
                    <List.Item key={r.hostCityId}>
                      {r.hostName}: {reasonText(r.reason)}
                      {editable && ruleButton({ hostCityId: r.hostCityId, visitorCityId: u.cityId, rule: 'locked' }, t('matching.pair.lock'), t('matching.pair.lockLabel', { visitor: u.name, host: r.hostName }), { ml: 'xs' })}
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
      </section>

      {run.lines.length > 0 && (
        <section aria-labelledby="run-map-title">
          <Title order={3} size="h4" id="run-map-title" mb="xs">
            {t('matching.map.title')}
          </Title>
          <Text mb="xs" fw={600}>
            {t('matching.map.total', { co2: format(run.totalCo2Kg ?? 0, 0) })}
          </Text>
          <LinkMap
            points={run.points}
            links={run.lines.map((l) => ({ from: l.from, to: l.to, dashed: l.mode === 'air', label: t('matching.map.lineLabel', { km: format(l.km, 0), mode: t(`matching.map.mode.${l.mode}`), co2: format(l.co2Kg, 0) }) }))}
            kinds={[
              { id: 'host', label: t('matching.map.hosts'), shape: 'square' },
              { id: 'visitor', label: t('matching.map.visitors'), shape: 'circle' },
            ]}
            lineLegend={{ solid: t('matching.map.mode.rail'), dashed: t('matching.map.mode.air') }}
            title={t('matching.map.svgLabel')}
            tableCaption={t('matching.map.tableCaption')}
            columns={{ from: t('matching.map.from'), to: t('matching.map.to'), label: t('matching.map.trip') }}
            footnote={t('matching.map.footnote')}
          />
        </section>
      )}
      {run.facilitatorStage.status !== 'optimal' && run.facilitatorStage.reason && (
        <Alert color="yellow" variant="light" title={t('matching.facilitator.problemTitle')}>
          <Text size="sm">{reasonText(run.facilitatorStage.reason)}</Text>
        </Alert>
      )}
      {run.facilitatorStage.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title={t('matching.facilitator.warningsTitle')}>
          <List size="sm">
            {run.facilitatorStage.warnings.map((w, i) => (
              <List.Item key={i}>{reasonText(w)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('matching.run.hash', { hash: run.inputsHash.slice(0, 16) })}
      </Text>
    </Stack>
  );
}
