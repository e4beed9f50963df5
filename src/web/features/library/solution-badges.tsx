import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { LeverCode, SolutionCard } from '../../../shared/solution.schemas.ts';

/** Sectors, stage and "visitable" of a solution as small labels. */
export function SolutionBadges({ solution }: { solution: Pick<SolutionCard, 'sectors' | 'stage' | 'visitable' | 'status' | 'demo'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {solution.status === 'draft' && (
        <Badge color="orange" variant="filled">
          {t('library.status.draft')}
        </Badge>
      )}
      {solution.sectors.map((sector) => (
        // An outline in teal-9 (#087f5b, 5.0:1 on white). A light badge with a
        // shade fills its background with that shade and writes in the same green.
        <Badge key={sector} variant="outline" color="teal.9">
          {t(`sectors.${sector}`)}
        </Badge>
      ))}
      <Badge variant="outline" color="gray.8">
        {t(`library.stages.${solution.stage}`)}
      </Badge>
      {solution.visitable && (
        <Badge variant="outline" color="blue.9">
          {t('library.visitableBadge')}
        </Badge>
      )}
      {solution.demo && (
        <Badge variant="outline" color="gray.7">
          {t('library.demoBadge')}
        </Badge>
      )}
    </Group>
  );
}

/** Sectors and levers of a published answer as small labels. */
export function AnswerBadges({ sectors, levers }: { sectors: readonly SectorCode[]; levers: readonly LeverCode[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {sectors.map((sector) => (
        <Badge key={sector} variant="outline" color="teal.9">
          {t(`sectors.${sector}`)}
        </Badge>
      ))}
      {levers.map((lever) => (
        <Badge key={lever} variant="outline" color="gray.8">
          {t(`library.levers.${lever}`)}
        </Badge>
      ))}
    </Group>
  );
}
