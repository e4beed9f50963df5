import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { RequestProblem } from './request-problem.tsx';
import { useRouteAgain } from './support-dashboard.api.ts';

/** A manager's "Route again" on a request that found no expert: the same routing, with the experts as they are now. */
export function RouteAgainButton({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const route = useRouteAgain(r.id);
  const tried = route.isSuccess && route.data.state === 'submitted';
  return (
    <Stack gap="xs" align="flex-start" mt="sm">
      <Button variant="default" loading={route.isPending} onClick={() => route.mutate(r.version)}>
        {t('support.routeAgain.button')}
      </Button>
      <Text size="sm" c="dark.6" role="status">
        {tried ? t('support.routeAgain.stillWaiting') : t('support.routeAgain.hint')}
      </Text>
      <RequestProblem error={route.error} onReload={reload} />
    </Stack>
  );
}
