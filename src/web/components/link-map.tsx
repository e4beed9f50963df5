import { Box, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnHeads } from './column-heads.tsx';
import { ScrollRegion } from './scroll-region.tsx';
import { MAP_HEIGHT, MAP_WIDTH, loadCountryPaths, mapPath, projection } from './europe-map.ts';
import './svg-map.css';
import './link-map.css';

/** A place on the map; `kind` picks its shape and colour from `kinds`. */
export interface LinkMapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  kind: string;
}

/** A line between two points (by id), e.g. a visiting city's trip to its host; `label` is read out and listed. */
export interface LinkMapLink {
  from: string;
  to: string;
  label: string;
  /** Dashed lines for a second kind of link (e.g. flights). */
  dashed?: boolean;
}

export interface LinkMapKind {
  id: string;
  label: string;
  shape: 'square' | 'circle' | 'diamond';
}

export interface LinkMapProps {
  points: readonly LinkMapPoint[];
  links: readonly LinkMapLink[];
  /** Legend entries; their order gives the colours (blue, orange, green). */
  kinds: readonly LinkMapKind[];
  /** The map's accessible name, e.g. "Map of the visiting cities and their hosts". */
  title: string;
  /** Caption of the table that lists the same links as text. */
  tableCaption: string;
  /** Headings of the table's columns (from, to, label). */
  columns: { from: string; to: string; label: string };
  /** A note under the map, e.g. the total CO2. */
  footnote?: string;
  /** Legend of the two line styles (e.g. rail and air); omitted when every line looks the same. */
  lineLegend?: { solid: string; dashed: string };
}

function Shape({ shape, size }: { shape: LinkMapKind['shape']; size: number }) {
  if (shape === 'square') return <rect className="shape" x={-size} y={-size} width={size * 2} height={size * 2} />;
  if (shape === 'diamond') return <rect className="shape" x={-size} y={-size} width={size * 2} height={size * 2} transform="rotate(45)" />;
  return <circle className="shape" r={size} />;
}

/**
 * Europe drawn offline (world-atlas + d3-geo) with points and the lines
 * between them. Every point is a button: focus or click shows its lines and
 * reads them out; the same links are listed in a table below the map.
 */
export function LinkMap({ points, links, kinds, title, tableCaption, columns, footnote, lineLegend }: LinkMapProps) {
  const { t } = useTranslation();
  const statusId = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const countries = useQuery({ queryKey: ['world-atlas', '50m'], queryFn: ({ signal }) => loadCountryPaths(signal), staleTime: Infinity, gcTime: Infinity });
  const byId = new Map(points.map((p) => [p.id, p]));
  const kindIndex = new Map(kinds.map((k, i) => [k.id, i]));
  const place = (p: LinkMapPoint) => projection([p.longitude, p.latitude]);
  const linksOf = (id: string) => links.filter((l) => l.from === id || l.to === id);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const describe = (p: LinkMapPoint) => {
    const mine = linksOf(p.id);
    const kind = kinds.find((k) => k.id === p.kind)?.label ?? p.kind;
    return mine.length
      ? t('linkMap.pointWithLinks', { name: p.name, kind, links: mine.map((l) => `${nameOf(l.from)} – ${nameOf(l.to)}: ${l.label}`).join('; ') })
      : t('linkMap.pointAlone', { name: p.name, kind });
  };
  const selectedPoint = selected ? byId.get(selected) : undefined;

  return (
    <Box>
      <Group gap="lg" mb="xs" component="ul" className="link-map-legend" aria-label={t('linkMap.legend')}>
        {kinds.map((k, i) => (
          <li key={k.id}>
            <svg width="18" height="18" viewBox="-9 -9 18 18" className={`link-map kind-legend`} aria-hidden="true" style={{ border: 0, background: 'none', width: 18 }}>
              <g className={`link-point svg-map-point kind-${i}`}>
                <Shape shape={k.shape} size={k.shape === 'diamond' ? 4.5 : 6} />
              </g>
            </svg>
            {k.label}
          </li>
        ))}
        {lineLegend && (
          <>
            <li>
              <svg width="30" height="10" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 6 }}>
                <line x1="0" y1="5" x2="30" y2="5" stroke="#4a4a4a" strokeWidth="2" />
              </svg>
              {lineLegend.solid}
            </li>
            <li>
              <svg width="30" height="10" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 6 }}>
                <line x1="0" y1="5" x2="30" y2="5" stroke="#4a4a4a" strokeWidth="2" strokeDasharray="7 5" />
              </svg>
              {lineLegend.dashed}
            </li>
          </>
        )}
      </Group>
      <Box component="figure" m={0}>
        <svg className="link-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={title} aria-describedby={statusId}>
          <g aria-hidden="true">
            {countries.data?.map((c) => (
              <path key={c.name} className="country" d={c.d} />
            ))}
          </g>
          <g aria-hidden="true">
            {links.map((l) => {
              const a = byId.get(l.from);
              const b = byId.get(l.to);
              if (!a || !b) return null;
              const d = mapPath({ type: 'LineString', coordinates: [[a.longitude, a.latitude], [b.longitude, b.latitude]] });
              if (!d) return null;
              const active = selected !== null && (l.from === selected || l.to === selected);
              return <path key={`${l.from}-${l.to}`} className={`link-line${l.dashed ? ' dashed' : ''}${active ? ' active' : selected ? ' dim' : ''}`} d={d} />;
            })}
          </g>
          {points.map((p) => {
            const xy = place(p);
            if (!xy) return null;
            const i = kindIndex.get(p.kind) ?? 0;
            const shape = kinds[i]?.shape ?? 'circle';
            const isSelected = p.id === selected;
            return (
              <g
                key={p.id}
                className={`link-point svg-map-point kind-${i}${isSelected ? ' selected' : ''}`}
                role="button"
                tabIndex={0}
                aria-pressed={isSelected}
                aria-label={describe(p)}
                data-point={p.id}
                onClick={() => setSelected(isSelected ? null : p.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    setSelected(isSelected ? null : p.id);
                  }
                  if (event.key === 'Escape') setSelected(null);
                }}
              >
                <title>{describe(p)}</title>
                <g transform={`translate(${xy[0].toFixed(1)} ${xy[1].toFixed(1)})`}>
                  <Shape shape={shape} size={isSelected ? 9 : 6} />
                  {isSelected && (
                    <text className="svg-map-label" x={12} y={5} aria-hidden="true">
                      {p.name}
                    </text>
                  )}
                </g>
              </g>
            );
          })}
        </svg>
        <Text id={statusId} role="status" size="sm" mt={4}>
          {selectedPoint ? describe(selectedPoint) : t('linkMap.hint')}
        </Text>
        {footnote && (
          <Text component="figcaption" size="sm" mt={4}>
            {footnote}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          {t('linkMap.attribution')}
        </Text>
      </Box>
      <Box mt="sm">
        <ScrollRegion label={tableCaption}>
        <Table striped withTableBorder miw={400}>
          <Table.Caption>{tableCaption}</Table.Caption>
          <ColumnHeads labels={[columns.from, columns.to, columns.label]} />
          <Table.Tbody>
            {links.map((l) => (
              <Table.Tr key={`${l.from}-${l.to}`}>
                <Table.Td>{nameOf(l.from)}</Table.Td>
                <Table.Td>{nameOf(l.to)}</Table.Td>
                <Table.Td>{l.label}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </ScrollRegion>
      </Box>
    </Box>
  );
}
