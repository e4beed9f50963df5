import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ColumnHeads } from '../../components/column-heads.tsx';

/** A table named by its caption, with one header row, that scrolls sideways on a narrow screen. */
export function CaptionedTable({ caption, columns, minWidth, striped = true, children }: { caption: string; columns: string[]; minWidth: number; striped?: boolean; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <ColumnHeads labels={columns} />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
