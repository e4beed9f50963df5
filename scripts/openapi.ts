// Writes the OpenAPI document to docs/api/openapi.json; a test fails when the
// committed copy drifts from the routes (`npm run openapi` to refresh it).
import fs from 'node:fs/promises';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', SEED_DEMO: 'false', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000' }));
await fs.mkdir('docs/api', { recursive: true });
await fs.writeFile('docs/api/openapi.json', `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
console.log('wrote docs/api/openapi.json');
