import { Anchor, Box, Group, NativeSelect, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CityKind, SectorCode, type MapCity } from '../../../shared/city.schemas.ts';
import { MAP_HEIGHT, MAP_WIDTH, place } from '../../components/europe-map.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useCountryName } from '../../lib/format.ts';
import { useCountryPaths, useMapCities } from './map.api.ts';
import '../../components/svg-map.css';
import './map.css';

/** A Mission City is a square, an aspiring city a circle: shape and colour, never colour alone. */
function Shape({ kind, size }: { kind: 'mission' | 'aspiring'; size: number }) {
  return kind === 'mission' ? (
    <rect className="shape" x={-size} y={-size} width={size * 2} height={size * 2} />
  ) : (
    <circle className="shape" r={size} />
  );
}

function LegendShape({ kind }: { kind: 'mission' | 'aspiring' }) {
  return (
    <svg width="18" height="18" viewBox="-9 -9 18 18" className={`map-legend-shape europe-map-legend ${kind}`} aria-hidden="true">
      {kind === 'mission' ? <rect x={-6} y={-6} width={12} height={12} fill="#0b4f9c" /> : <circle r={6} fill="#b0421b" />}
    </svg>
  );
}

/** The map of Europe: every city a focusable link; the same cities as a list for screen readers and keyboards. */
export function MapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const sectorParam = SectorCode.safeParse(params.get('sector'));
  const kindParam = CityKind.safeParse(params.get('kind'));
  const sector = sectorParam.success ? sectorParam.data : '';
  const kind = kindParam.success ? kindParam.data : '';
  const current = params.get('city') ?? '';
  const cities = useMapCities(sector, kind);
  const countries = useCountryPaths();

  const countryName = useCountryName();

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const items = cities.data?.items ?? [];
  // Draw the current city last so it sits on top of its neighbours.
  const drawn = items
    .map((city) => ({ city, xy: place(city.longitude, city.latitude) }))
    .filter((p): p is { city: MapCity; xy: [number, number] } => p.xy !== null)
    .sort((a, b) => Number(a.city.slug === current) - Number(b.city.slug === current) || (a.city.kind === 'mission' ? 1 : 0) - (b.city.kind === 'mission' ? 1 : 0));
  const currentCity = items.find((c) => c.slug === current);
  const listed = [...items].sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  const accessibleName = (c: MapCity) => t('map.pointName', { name: c.name, kind: t(`cityKinds.${c.kind}`), country: countryName(c.country), count: c.solutionCount });

  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <Text mb="md">{t('map.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <NativeSelect
          label={t('map.sectorFilter')}
          value={sector}
          onChange={(e) => setParam('sector', e.currentTarget.value)}
          data={[{ value: '', label: t('map.allSectors') }, ...SectorCode.options.map((code) => ({ value: code, label: t(`sectors.${code}`) }))]}
        />
        <NativeSelect
          label={t('map.kindFilter')}
          value={kind}
          onChange={(e) => setParam('kind', e.currentTarget.value)}
          data={[
            { value: '', label: t('map.allKinds') },
            { value: 'mission', label: t('map.missionCities') },
            { value: 'aspiring', label: t('map.aspiringCities') },
          ]}
        />
        <Group gap="lg" align="flex-end" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('map.legend')}>
          <li>
            <LegendShape kind="mission" />
            {t('map.legendMission')}
          </li>
          <li>
            <LegendShape kind="aspiring" />
            {t('map.legendAspiring')}
          </li>
        </Group>
      </SimpleGrid>
      <Text role="status" size="sm" c="dimmed" mb="xs">
        {cities.data ? t('map.count', { count: cities.data.total }) : ''}
        {currentCity ? ` ${t('map.showing', { name: currentCity.name })}` : ''}
      </Text>
      <ProblemAlert error={cities.error} />
      <a className="skip-link" href="#map-city-list">
        {t('map.skipToList')}
      </a>
      {cities.isPending ? (
        <LoadingState />
      ) : (
        <Box component="figure" m={0}>
          <svg className="europe-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={t('map.svgLabel')}>
            <g aria-hidden="true">
              {countries.data?.map((c) => (
                <path key={c.name} className="country" d={c.d} />
              ))}
            </g>
            {drawn.map(({ city, xy: [x, y] }) => {
              const isCurrent = city.slug === current;
              return (
                <a
                  key={city.slug}
                  href={`/cities/${city.slug}`}
                  className={`map-point svg-map-point ${city.kind}${isCurrent ? ' current' : ''}`}
                  aria-label={accessibleName(city)}
                  aria-current={isCurrent ? 'location' : undefined}
                  data-city={city.slug}
                  onClick={(event) => {
                    event.preventDefault();
                    void navigate(`/cities/${city.slug}`);
                  }}
                >
                  <title>{accessibleName(city)}</title>
                  <g transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
                    <Shape kind={city.kind} size={isCurrent ? 9 : city.kind === 'mission' ? 5 : 4.5} />
                    {isCurrent && (
                      <text className="svg-map-label" x={12} y={5} aria-hidden="true">
                        {city.name}
                      </text>
                    )}
                  </g>
                </a>
              );
            })}
          </svg>
          <Text component="figcaption" size="xs" c="dimmed" mt={4}>
            {t('map.attribution')}
          </Text>
        </Box>
      )}
      <Box component="section" aria-labelledby="map-city-list-title" mt="xl" id="map-city-list" tabIndex={-1}>
        <Title order={2} size="h3" id="map-city-list-title" mb="sm">
          {t('map.listTitle')}
        </Title>
        <Paper withBorder p="sm" style={{ maxHeight: '24rem', overflowY: 'auto' }} tabIndex={0} aria-labelledby="map-city-list-title">
          <ul style={{ columns: '16rem', margin: 0, paddingLeft: '1.2rem' }}>
            {listed.map((c) => (
              <li key={c.slug}>
                <Anchor component={Link} to={`/cities/${c.slug}`} fw={c.slug === current ? 700 : undefined} aria-current={c.slug === current ? 'location' : undefined}>
                  {c.name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({c.kind === 'mission' ? t('map.missionShort') : t('map.aspiringShort')}, {c.country})
                </Text>
              </li>
            ))}
          </ul>
        </Paper>
      </Box>
    </>
  );
}
