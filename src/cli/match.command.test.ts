import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main.ts';
import { matchCommand, type CommandIo } from './match.command.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function capture(): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), out: () => out, err: () => err };
}

const contractInstance = {
  hosts: [{ id: 'h1', capacity: 3, country: 'ES' }],
  applicants: [{ id: 'a1', country: 'DE' }],
  pairs: [{ applicant: 'a1', host: 'h1', score: 12.5 }],
  rules: { maxPerCountryPerHost: 1, placeAsManyAsPossible: false, locked: [{ applicant: 'a1', host: 'h1' }], forbidden: [] },
};

describe('match command', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'peercities-match-'));
    await writeFile(file('contract.json'), JSON.stringify(contractInstance));
    await writeFile(file('bad-score.json'), JSON.stringify({ ...contractInstance, pairs: [{ applicant: 'a1', host: 'h1', score: 'high' }] }));
    await writeFile(file('unknown-host.json'), JSON.stringify({ ...contractInstance, pairs: [{ applicant: 'a1', host: 'h9', score: 1 }], rules: {} }));
    await writeFile(file('broken.json'), '{"hosts": [');
    await writeFile(
      file('co2.json'),
      JSON.stringify({
        hosts: [{ id: 'h1', capacity: 2 }],
        applicants: [{ id: 'a1' }, { id: 'a2' }],
        pairs: [
          { applicant: 'a1', host: 'h1', score: 5, co2Kg: 300 },
          { applicant: 'a2', host: 'h1', score: 4, co2Kg: 100 },
        ],
        rules: { maxTotalCo2Kg: 350 },
      }),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the optimal result as JSON on stdout', async () => {
    const io = capture();
    expect(await matchCommand([file('contract.json')], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      status: 'optimal',
      objective: 12.5,
      assignments: [{ applicant: 'a1', host: 'h1', score: 12.5 }],
      unassigned: [],
    });
    expect(io.err()).toBe('');
  });

  it('adds explanations with --explain', async () => {
    const io = capture();
    expect(await matchCommand([file('contract.json'), '--explain'], io)).toBe(0);
    const result: unknown = JSON.parse(io.out());
    expect(result).toMatchObject({ explanation: { applicants: [{ applicant: 'a1', placement: { host: 'h1', locked: true } }] } });
  });

  it('exits 1 and names the bad field of a malformed instance', async () => {
    const io = capture();
    expect(await matchCommand([file('bad-score.json')], io)).toBe(1);
    expect(io.err()).toContain('pairs[0].score:');
    expect(io.err()).toContain('expected number');
    expect(io.out()).toBe('');
  });

  it('exits 1 and names a pair that refers to an unknown host', async () => {
    const io = capture();
    expect(await matchCommand([file('unknown-host.json')], io)).toBe(1);
    expect(io.err()).toContain('pairs[0].host: unknown host "h9"');
  });

  it('exits 1 with a clear message for a missing file', async () => {
    const io = capture();
    expect(await matchCommand([file('absent.json')], io)).toBe(1);
    expect(io.err()).toBe(`match: cannot read instance file ${file('absent.json')}: no such file\n`);
  });

  it('exits 1 when the file is not JSON', async () => {
    const io = capture();
    expect(await matchCommand([file('broken.json')], io)).toBe(1);
    expect(io.err()).toMatch(/is not valid JSON/);
  });

  it('exits 2 with usage for a missing argument or an unknown option', async () => {
    const io = capture();
    expect(await matchCommand([], io)).toBe(2);
    expect(await matchCommand([file('contract.json'), '--fast'], io)).toBe(2);
    expect(io.err()).toContain('unknown option --fast');
    expect(io.err()).toContain('usage: peercities match');
  });

  it('solves a CO2 budget with HiGHS and reports the gap', async () => {
    const io = capture();
    expect(await matchCommand([file('co2.json')], io)).toBe(0);
    // Both together emit 400 kg > 350, so only the better-scoring one fits.
    expect(JSON.parse(io.out())).toEqual({
      status: 'optimal',
      objective: 5,
      assignments: [{ applicant: 'a1', host: 'h1', score: 5 }],
      unassigned: ['a2'],
      gap: 0,
    });
  });

  it('dispatches commands and rejects unknown ones with exit 2', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "frobnicate"');
    expect(io.err()).toMatch(/commands: .*\bmatch\b/);
  });

  it('runs as a process through npm run cli', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'match', file('contract.json')], { cwd: repoRoot });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'optimal', objective: 12.5 });
    const failure = await run('npm', ['run', '--silent', 'cli', '--', 'match', file('bad-score.json')], { cwd: repoRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('pairs[0].score:');
  });
});
