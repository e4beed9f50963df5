import { Paper, Text } from '@mantine/core';

/** One headline number with what it counts. */
export function KeyFigure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}
