import { PassThrough, Readable, pipeline, type Writable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { escapeFormula } from '../../../domain/cities/city-csv.ts';
import { allQuestions } from '../../../domain/surveys/questions.ts';
import { SECTORS, SYSTEMIC_LEVERS } from '../../../domain/reference/sectors.ts';
import type { ResultsQuery, SurveyAnswerValue, SurveyQuestion } from '../../../shared/survey.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Cell } from '../../lib/table-export.ts';
import { cityNames, exportPage, responsesInSegment, type ExportResponseRow, type ResultsSurvey } from './results.repository.ts';
import { CITY_KIND_LABELS, isSuppressed, resultsSurvey } from './results.service.ts';

// The answers of a survey as CSV or Excel, one row per response, streamed
// (docs/surveys.md, "Export"): responses are read in pages by id and written
// as they come, so the export never holds all rows.

/** Responses read per statement. */
export const EXPORT_PAGE_SIZE = 500;

interface Column {
  header: string;
  /** What the column holds, in words (the XLSX's second sheet, "Columns"). */
  about?: string;
  width: number;
  value: (row: ExportResponseRow, cities: Map<string, string>) => Cell;
}

const text = (v: SurveyAnswerValue | undefined) => (typeof v === 'string' ? v : null);
const list = (v: SurveyAnswerValue | undefined) => (Array.isArray(v) ? v : []);

/** The columns of one question: one, or one per option (1/0), per matrix item (its point) or per ranked option (its rank). */
function questionColumns(question: SurveyQuestion): Column[] {
  const id = question.id;
  const answered = (row: ExportResponseRow) => row.answers[id] !== undefined;
  const perOption = (values: readonly { value: string; label: string }[]): Column[] =>
    values.map((o) => ({ header: `${id}: ${o.value}`, about: `${question.text} — ${o.label} (1 chosen, 0 not)`, width: 10, value: (row) => (answered(row) ? (list(row.answers[id]).includes(o.value) ? 1 : 0) : null) }));
  const one = (width: number, value: Column['value']): Column[] => [{ header: id, about: question.text, width, value }];
  switch (question.type) {
    case 'multiple':
      return perOption(question.options);
    case 'sector':
      return question.multiple ? perOption(SECTORS.map((x) => ({ value: x.code, label: x.label }))) : one(16, (row) => text(row.answers[id]));
    case 'lever':
      return question.multiple ? perOption(SYSTEMIC_LEVERS.map((x) => ({ value: x.code, label: x.label }))) : one(16, (row) => text(row.answers[id]));
    case 'matrix':
      return question.items.map((item) => ({
        header: `${id}: ${item.value}`,
        about: `${question.text} — ${item.label}`,
        width: 10,
        value: (row) => {
          const v = row.answers[id];
          return v && typeof v === 'object' && !Array.isArray(v) ? (v[item.value] ?? null) : null;
        },
      }));
    case 'ranking':
      return question.options.map((o) => ({
        header: `${id}: ${o.value}`,
        about: `${question.text} — ${o.label} (its rank, 1 first)`,
        width: 10,
        value: (row) => {
          const at = list(row.answers[id]).indexOf(o.value);
          return at < 0 ? null : at + 1;
        },
      }));
    case 'rating':
    case 'number':
      return one(10, (row) => (typeof row.answers[id] === 'number' ? row.answers[id] : null));
    case 'city':
      return one(20, (row, cities) => (text(row.answers[id]) === null ? null : (cities.get(text(row.answers[id])!) ?? text(row.answers[id]))));
    case 'long-text':
      return one(50, (row) => text(row.answers[id]));
    default:
      return one(18, (row) => text(row.answers[id]));
  }
}

/** The export's columns: the segment first, then every question in order. */
export function exportColumns(survey: Pick<ResultsSurvey, 'definition' | 'anonymous'>): Column[] {
  return [
    { header: 'submitted on', width: 12, value: (row) => row.submitted_on },
    ...(survey.anonymous ? [] : [{ header: 'city', width: 22, value: (row: ExportResponseRow) => row.city_name }]),
    { header: 'country', width: 8, value: (row) => row.country },
    { header: 'kind', width: 14, value: (row) => (row.city_kind ? (CITY_KIND_LABELS[row.city_kind] ?? row.city_kind) : null) },
    { header: 'population band', width: 16, value: (row) => row.population_band },
    ...allQuestions(survey.definition).flatMap(questionColumns),
  ];
}

/** The rows of the export, page by page (keyset on the response id), with the names of the cities answers name. */
async function* exportRows(db: Db, survey: ResultsSurvey, filters: ResultsQuery, columns: readonly Column[]): AsyncGenerator<Cell[]> {
  const cityQuestions = allQuestions(survey.definition).filter((q) => q.type === 'city').map((q) => q.id);
  let after: string | null = null;
  for (;;) {
    const page = await exportPage(db, survey, filters, after, EXPORT_PAGE_SIZE);
    if (page.length === 0) return;
    const cityIds = [...new Set(page.flatMap((r) => cityQuestions.map((id) => text(r.answers[id])).filter((v): v is string => v !== null && /^[0-9a-f-]{36}$/i.test(v))))];
    const cities = await cityNames(db, cityIds);
    for (const row of page) yield columns.map((c) => c.value(row, cities));
    if (page.length < EXPORT_PAGE_SIZE) return;
    after = page[page.length - 1]!.id;
  }
}

const safe = (c: Cell) => (typeof c === 'string' ? escapeFormula(c) : c);

/** Writes the XLSX to `out` with exceljs' streaming writer, waiting whenever `out` is full. */
export async function writeXlsx(rows: AsyncIterable<Cell[]>, columns: readonly Column[], out: Writable & { writableNeedDrain?: boolean }) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'peercities';
  const sheet = workbook.addWorksheet('Answers', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) {
    // Plain strings are text cells in XLSX, never formulas.
    sheet.addRow(row).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  // What each column holds, in words: the questions and options the keys stand for.
  const about = workbook.addWorksheet('Columns');
  about.columns = [
    { header: 'column', key: 'column', width: 28 },
    { header: 'what it holds', key: 'about', width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  about.getRow(1).commit();
  for (const c of columns) about.addRow([c.header, c.about ?? c.header]).commit();
  about.commit();
  await workbook.commit();
}

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * GET /api/surveys/:id/export: the answers of the segment as a stream. An
 * anonymous survey with fewer than 5 answers in the segment is refused (409
 * CONFLICT with the reason): an export would show each answer.
 */
export async function surveyExport(db: Db, input: { id: string; format: 'csv' | 'xlsx'; filters: ResultsQuery }): Promise<{ stream: Readable; type: string; filename: string }> {
  const survey = await resultsSurvey(db, input.id);
  if (survey.anonymous) {
    if (isSuppressed(survey, await responsesInSegment(db, survey, input.filters))) {
      throw new AppError('CONFLICT', 'Fewer than 5 answers in this selection: the answers of an anonymous survey are not exported, to protect anonymity.');
    }
  }
  const columns = exportColumns(survey);
  const rows = exportRows(db, survey, input.filters, columns);
  const filename = `survey-${survey.id.slice(0, 8)}-answers.${input.format}`;
  if (input.format === 'csv') {
    const csv = stringify({ bom: true, header: true, columns: columns.map((c) => c.header), cast: { boolean: (b) => (b ? 'true' : 'false') } });
    pipeline(
      Readable.from(
        (async function* () {
          for await (const row of rows) yield row.map(safe);
        })(),
      ),
      csv,
      () => undefined,
    );
    return { stream: csv, type: TYPES.csv, filename };
  }
  const out = new PassThrough();
  writeXlsx(rows, columns, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: out, type: TYPES.xlsx, filename };
}
