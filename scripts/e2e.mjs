#!/usr/bin/env node
// npm run test:e2e: build the web app, then run the browser tests against it.
// Building every time is simpler than judging staleness and takes seconds;
// the tests then always exercise the code in the tree.
// Extra arguments go to vitest, e.g. `npm run test:e2e -- invitation`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (relative) => path.join(root, 'node_modules', relative);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

function run(label, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// WEB_DIST_DIR lets several checkouts' test runs build side by side; the
// harness serves the same directory.
const outDir = process.env.WEB_DIST_DIR ? ['--outDir', path.resolve(process.env.WEB_DIST_DIR), '--emptyOutDir'] : [];
const built = run('vite build', [bin('vite/bin/vite.js'), 'build', ...outDir]);
if (built !== 0) process.exit(built);

process.exit(run('vitest run -c vitest.e2e.config.ts', [bin('vitest/vitest.mjs'), 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
