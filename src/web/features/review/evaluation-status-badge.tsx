import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../../locales/lazy/review.strings.ts';

const COLOURS = { todo: 'gray', draft: 'yellow', submitted: 'green', conflict: 'grape' } as const;

/** To do / draft / submitted / conflict declared, in words and colour (the words carry the meaning). */
export function EvaluationStatusBadge({ status }: { status: 'draft' | 'submitted' | 'conflict' | null }) {
  const { t } = useTranslation();
  const key = status ?? 'todo';
  return (
    <Badge color={COLOURS[key]} variant="light" c="dark.8">
      {t(`review.evaluationStatus.${key}`)}
    </Badge>
  );
}
