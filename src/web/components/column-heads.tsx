import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table's header row: one column header (`scope="col"`) per label, so screen readers name each cell's column. */
export function ColumnHeads({ labels }: { labels: ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label, index) => (
          <Table.Th key={index} scope="col">
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
