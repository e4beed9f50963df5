import { readFile } from 'node:fs/promises';
import { parseMatchingInstance, problemLine } from '../domain/matching/matching-instance.ts';
import { solveMatching, type MatchingOptions } from '../domain/matching/solve-matching.ts';

/** Where a command writes; tests pass their own to capture output in-process. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export const MATCH_USAGE = 'usage: peercities match <instance.json> [--explain]\n';

/**
 * `match <instance.json> [--explain]`: prints the result as JSON on stdout.
 * Exit codes: 0 result printed (optimal, feasible or infeasible), 1 unreadable
 * or malformed instance, 2 wrong usage.
 */
export async function matchCommand(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const files = argv.filter((arg) => !arg.startsWith('--'));
  const flags = argv.filter((arg) => arg.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--explain');
  if (files.length !== 1 || unknown.length > 0) {
    if (unknown.length > 0) io.stderr(`match: unknown option ${unknown.join(', ')}\n`);
    io.stderr(MATCH_USAGE);
    return 2;
  }
  const file = files[0]!;

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error);
    io.stderr(`match: cannot read instance file ${file}: ${why}\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`match: ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const parsed = parseMatchingInstance(json);
  if (!parsed.success) {
    io.stderr(`match: invalid instance ${file}:\n${parsed.errors.map((e) => `  ${problemLine(e)}\n`).join('')}`);
    return 1;
  }

  const options: MatchingOptions = { explain: flags.includes('--explain') };
  if (parsed.instance.rules.maxTotalCo2Kg !== undefined) {
    // Only this rule needs the WebAssembly solver; load it on demand.
    const { default: highsLoader } = await import('highs');
    options.highs = await highsLoader();
  }
  const result = solveMatching(parsed.instance, options);
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}
