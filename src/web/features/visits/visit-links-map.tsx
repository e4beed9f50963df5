import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '../../../shared/visit.schemas.ts';
import { LinkMap } from '../../components/link-map.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useCityPositions } from './visits.api.ts';
import '../../locales/lazy/visits.strings.ts';

/** Hosts and visiting cities on a map of Europe, each visitor linked to its host (with the same links as a table). */
export function VisitLinksMap({ visits }: { visits: VisitSummary[] }) {
  const { t } = useTranslation();
  const positions = useCityPositions(visits.length > 0);
  if (visits.length === 0) return null;
  if (positions.isPending) return <LoadingState />;
  if (positions.isError) return <ProblemAlert error={positions.error} />;
  const at = new Map(positions.data.items.map((c) => [c.slug, c]));
  const points = new Map<string, { id: string; name: string; latitude: number; longitude: number; kind: string }>();
  const add = (c: { slug: string; name: string }, kind: 'host' | 'visitor') => {
    const p = at.get(c.slug);
    if (p && !points.has(c.slug)) points.set(c.slug, { id: c.slug, name: c.name, latitude: p.latitude, longitude: p.longitude, kind });
  };
  for (const v of visits) {
    add(v.host, 'host');
    for (const c of v.visitors) add(c, 'visitor');
  }
  const links = visits.flatMap((v) =>
    v.visitors.filter((c) => points.has(c.slug) && points.has(v.host.slug)).map((c) => ({ from: c.slug, to: v.host.slug, label: t('visits.map.linkLabel', { visitor: c.name, host: v.host.name }) })),
  );
  return (
    <LinkMap
      points={[...points.values()]}
      links={links}
      kinds={[
        { id: 'host', label: t('visits.map.hosts'), shape: 'square' },
        { id: 'visitor', label: t('visits.map.visitors'), shape: 'circle' },
      ]}
      title={t('visits.map.title')}
      tableCaption={t('visits.map.tableCaption')}
      columns={{ from: t('visits.map.from'), to: t('visits.map.to'), label: t('visits.map.link') }}
    />
  );
}
