import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table named by its caption, with one header row, that scrolls sideways on a narrow screen. */
export function CaptionedTable({ caption, columns, minWidth, striped = true, children }: { caption: string; columns: readonly string[]; minWidth: number; striped?: boolean; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
