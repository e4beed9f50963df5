// `npm start`: build the web app if needed, then run the server in this
// process (TypeScript through tsx), so signals reach it directly.
import { register } from 'tsx/esm/api';
import { buildWebIfNeeded } from './web-build.mjs';

await buildWebIfNeeded();
register();
await import('../src/server/main.ts');
