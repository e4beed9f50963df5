import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { escapeFormula } from '../../domain/cities/city-csv.ts';

export type Cell = string | number | boolean | null;

export interface Table {
  sheetName: string;
  columns: readonly { header: string; width?: number }[];
  rows: readonly (readonly Cell[])[];
}

/**
 * CSV that Excel opens correctly (UTF-8 BOM) and that cannot smuggle a
 * formula into a spreadsheet (cells starting with = + - @ are quoted off).
 */
function tableToCsv(table: Table): string {
  const rows = table.rows.map((r) => r.map((c) => (typeof c === 'string' ? escapeFormula(c) : c)));
  return stringify([table.columns.map((c) => c.header), ...rows], { bom: true, cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

/** An Excel workbook with one sheet, a bold frozen header; strings stay text, never formulas. */
async function tableToXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'peercities';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Answers a table as a download in the asked format. */
export async function sendTable(reply: FastifyReply, table: Table, format: keyof typeof TYPES, filename: string) {
  const body = format === 'csv' ? tableToCsv(table) : await tableToXlsx(table);
  return reply
    .type(TYPES[format])
    .header('content-disposition', `attachment; filename="${filename}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
