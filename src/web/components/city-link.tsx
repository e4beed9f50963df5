import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** A city's name as a link to its profile, the way lists of cities start each item. */
export function CityLink({ city }: { city: { slug: string; name: string } }) {
  return (
    <Anchor component={Link} to={`/cities/${city.slug}`} fw={600}>
      {city.name}
    </Anchor>
  );
}
