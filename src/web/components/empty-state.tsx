import { Paper, Text } from '@mantine/core';

/** What a list shows when it has nothing yet, and what the person can do about it. */
export function EmptyState({ title, description }: { title: string; description?: string }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text fw={600}>{title}</Text>
      {description && (
        <Text c="dimmed" size="sm" mt={4}>
          {description}
        </Text>
      )}
    </Paper>
  );
}
