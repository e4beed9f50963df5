import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import { ScrollRegion } from './scroll-region.tsx';

export interface Bar {
  label: string;
  value: number;
}

interface BarChartProps {
  /** What the chart shows; the figure's caption and the name of both chart and table. */
  title: string;
  bars: readonly Bar[];
  /** The value as text, with its unit ("12 cities", "1,234 kg CO2e"). */
  format: (value: number) => string;
  /** Column headings of the table alternative. */
  labelHeading: string;
  valueHeading: string;
  /** Extra columns for the table (one entry per bar, in order), when the chart shows only the main figure. */
  extraColumns?: { heading: string; values: readonly string[] }[];
  /** Shown instead of an empty chart. */
  emptyText: string;
}

const WIDTH = 640;
const FONT = 13;
const LABEL_LINE = 18;
const BAR = 18;
const ROW = LABEL_LINE + BAR + 10;
/** A generous average width of a character at FONT px (system sans-serif), to keep text inside the drawing. */
export const CHAR_WIDTH = FONT * 0.62;

const fitting = (text: string, width: number) => {
  const max = Math.floor(width / CHAR_WIDTH);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/**
 * A horizontal bar chart drawn in SVG, with the same figures as a table
 * right below it: the chart is one image for assistive technology (named by
 * the caption, described by its figures), the table is what screen-reader
 * and keyboard users read, and what anyone can copy.
 */
export function BarChart({ title, bars, format, labelHeading, valueHeading, extraColumns = [], emptyText }: BarChartProps) {
  const captionId = useId();
  const descId = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW + 4;
  // Each label sits on its own line above its bar, so it has the whole width;
  // the bars leave room after them for the longest value.
  const valueWidth = Math.max(...bars.map((b) => format(b.value).length), 1) * CHAR_WIDTH + 8;
  const scale = (v: number) => (max > 0 ? (v / max) * (WIDTH - valueWidth) : 0);

  return (
    <figure style={{ margin: 0 }} className="bar-chart">
      <figcaption id={captionId}>
        <Text fw={600} mb="xs">
          {title}
        </Text>
      </figcaption>
      {bars.length === 0 ? (
        <Text size="sm">{emptyText}</Text>
      ) : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${captionId} ${descId}`} style={{ maxWidth: WIDTH, display: 'block' }}>
            <desc id={descId}>{bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ')}</desc>
            {bars.map((b, i) => {
              const y = i * ROW + 4;
              const w = scale(b.value);
              return (
                <g key={`${b.label}-${i}`}>
                  <text x={0} y={y + LABEL_LINE / 2} dominantBaseline="middle" fontSize={FONT} fill="#212529">
                    {fitting(b.label, WIDTH)}
                  </text>
                  <rect x={0} y={y + LABEL_LINE} width={Math.max(w, b.value > 0 ? 2 : 0)} height={BAR} fill="#1864ab" rx="2" />
                  <text x={w + 6} y={y + LABEL_LINE + BAR / 2} dominantBaseline="middle" fontSize={FONT} fill="#212529">
                    {format(b.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <ScrollRegion label={title}>
            <Table striped withTableBorder verticalSpacing={4} fz="sm" mt="sm">
              <Table.Caption>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{labelHeading}</Table.Th>
                  <Table.Th scope="col">{valueHeading}</Table.Th>
                  {extraColumns.map((c) => (
                    <Table.Th scope="col" key={c.heading}>
                      {c.heading}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bars.map((b, i) => (
                  <Table.Tr key={`${b.label}-${i}`}>
                    <Table.Th scope="row" fw={400}>
                      {b.label}
                    </Table.Th>
                    <Table.Td>{format(b.value)}</Table.Td>
                    {extraColumns.map((c) => (
                      <Table.Td key={c.heading}>{c.values[i] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </figure>
  );
}
