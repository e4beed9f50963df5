import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sources = ['src/web', 'src/shared', 'src/domain', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the web app with Vite when dist/web is missing or older than its sources. */
export async function buildWebIfNeeded({ distDir = path.join(root, 'dist/web'), force = false } = {}) {
  const index = path.join(distDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const changed = Math.max(...sources.map(newestMtime));
  if (!force && built >= changed) return false;
  const { build } = await import('vite');
  console.log('Building the web app…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
