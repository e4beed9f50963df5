import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application, Call, Programme } from '../../../shared/programme.schemas.ts';

// Outline badges in dark shades: Mantine's light badge colours fail WCAG AA contrast.
const CALL_COLOURS: Record<Call['state'], string> = { upcoming: 'blue.9', open: 'green.9', closed: 'gray.8' };
const STEP_COLOURS: Record<Programme['steps'][number]['status'], string> = { done: 'gray.8', current: 'green.9', overdue: 'red.9', upcoming: 'blue.9' };
const APPLICATION_COLOURS: Record<Application['status'], string> = {
  draft: 'gray.8',
  submitted: 'blue.9',
  withdrawn: 'gray.8',
  under_review: 'violet.9',
  selected: 'green.9',
  waitlisted: 'grape.9',
  rejected: 'red.9',
};

export function CallStateBadge({ state }: { state: Call['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={CALL_COLOURS[state]}>
      {t(`programmes.callState.${state}`)}
    </Badge>
  );
}

export function StepStatusBadge({ status }: { status: Programme['steps'][number]['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STEP_COLOURS[status]}>
      {t(`programmes.stepStatus.${status}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: Application['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={APPLICATION_COLOURS[status]}>
      {t(`programmes.applicationStatus.${status}`)}
    </Badge>
  );
}
