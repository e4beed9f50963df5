import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MySurveyItem, SurveyState } from '../../../shared/survey.schemas.ts';
import '../../locales/lazy/surveys.strings.ts';

/** A day of the answer window (a day in the programme's time zone, shown as written). */
export function surveyDay(localDate: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${localDate}T12:00:00Z`));
}

// The colour only repeats what the words say. Outline badges in shade 9 (gray 8) are dark enough on white (4.5:1 and more).
const STATE_COLOUR: Record<SurveyState, string> = { draft: 'gray.8', open: 'green.9', closed: 'blue.9' };

export function SurveyStateBadge({ state }: { state: SurveyState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATE_COLOUR[state]} data-testid="survey-state">
      {t(`surveys.states.${state}`)}
    </Badge>
  );
}

const MY_COLOUR: Record<MySurveyItem['status'], string> = { 'not-started': 'violet.9', draft: 'blue.9', answered: 'green.9', closed: 'gray.8' };

export function MyStatusBadge({ status }: { status: MySurveyItem['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={MY_COLOUR[status]} data-testid="my-survey-status">
      {t(`surveys.mine.status.${status}`)}
    </Badge>
  );
}
