import { Text } from '@mantine/core';

/** One term and its value in a description list (`<dl>`): a city's population, a solution's cost. */
export function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0}>
        {value}
      </Text>
    </div>
  );
}
