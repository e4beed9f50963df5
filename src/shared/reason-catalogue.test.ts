import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REASON_TEXTS } from './reason-texts.ts';

// The reason catalogue kept honest (docs/decisions/0014-reasons.md): every
// code a rule or service can give has English text (the compiler checks
// `reason('CODE', params)` against REASON_TEXTS; this lists what is used),
// no text waits for a code nobody gives, and the domain builds no sentences
// for people outside the catalogue.

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** String literals of a file that name a reason code: the first argument of `reason(…)` (either branch of a conditional there), or a catalogue code written anywhere else. */
function reasonCodesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const codes: string[] = [];
  const literals = (node: ts.Node): string[] => {
    if (ts.isStringLiteral(node)) return [node.text];
    if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
    if (ts.isParenthesizedExpression(node)) return literals(node.expression);
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'reason' && node.arguments[0]) codes.push(...literals(node.arguments[0]));
    // A code kept in a table (`{ host: 'WORK_HOST_CALL_CLOSING', … }`) and handed to reason() by name.
    else if (ts.isStringLiteral(node) && !file.endsWith('reason-texts.ts') && Object.hasOwn(REASON_TEXTS, node.text)) codes.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return codes;
}

const used = new Map<string, string[]>();
for (const file of sourceFiles(SRC)) {
  for (const code of reasonCodesIn(file)) used.set(code, [...(used.get(code) ?? []), relative(file)]);
}

describe('the reason catalogue', () => {
  it('lists the codes the domain rules give, each with English text', () => {
    const domainCodes = [...used].filter(([, files]) => files.some((f) => f.startsWith('domain/'))).map(([code]) => code);
    // Answer checks, CSV import, cities like mine, evaluation, selection, visit schedule, matching.
    expect(domainCodes.length).toBeGreaterThan(100);
    for (const code of domainCodes) expect(Object.hasOwn(REASON_TEXTS, code), code).toBe(true);
  });

  it('has English text for every code given anywhere, and gives every code it has text for', () => {
    for (const [code, files] of used) expect(Object.hasOwn(REASON_TEXTS, code), `${code} in ${files.join(', ')}`).toBe(true);
    const unused = Object.keys(REASON_TEXTS).filter((code) => !used.has(code));
    expect(unused, 'codes in REASON_TEXTS that nothing gives').toEqual([]);
  });
});

// Where the domain still holds English on purpose: programme rules and call
// eligibility (converted by their own change), reference tables (country and
// sector names), the learning phases' default content, the survey templates'
// questions (content a manager edits, like the phases'), and Error messages
// for programmers (never shown to people).
const NOT_SCANNED = [/^domain\/programmes\//, /^domain\/calls\/eligibility\.ts$/, /^domain\/reference\//, /^domain\/groups\/learning-phases\.ts$/, /^domain\/surveys\/templates\.ts$/];

/** Titles of sources the domain cites: names of documents, not sentences. */
const CITATIONS = ['UK DESNZ greenhouse gas reporting conversion factors 2024'];

/** Literal text of a file with three words or more in a row, as people write sentences; Error messages and imports left out. */
function sentencesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const words = /[A-Za-z’']+ [a-z’']+ [a-z’']+/;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (words.test(node.text) && !CITATIONS.some((c) => node.text.startsWith(c))) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the domain', () => {
  it('writes no sentence for people outside the catalogue: its rules return reasons', () => {
    const files = sourceFiles(path.join(SRC, 'domain')).filter((f) => !NOT_SCANNED.some((pattern) => pattern.test(relative(f))));
    expect(files.length).toBeGreaterThan(30);
    const sentences = files.flatMap((f) => sentencesIn(f).map((text) => `${relative(f)}: ${text}`));
    expect(sentences).toEqual([]);
  });
});
