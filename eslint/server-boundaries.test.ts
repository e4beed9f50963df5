import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import { describe, it } from 'vitest';
import { serverBoundaries } from './server-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..');
const file = (relative: string) => path.join(root, relative);
const options = [
  {
    order: ['audit', 'cities', 'programmes', 'groups'],
    allowed: { '*': ['audit/audit.repository.ts'], programmes: ['cities/cities.repository.ts', 'groups/groups.service.ts'], jobs: ['groups/*.repository.ts'], app: ['*/*.routes.ts'] },
  },
];

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('module-boundaries', serverBoundaries.rules['module-boundaries'], {
  valid: [
    { filename: file('src/server/modules/programmes/x.service.ts'), code: "import { a } from './calls.repository.ts';", options },
    { filename: file('src/server/modules/programmes/x.service.ts'), code: "import { a } from '../audit/audit.repository.ts';", options },
    { filename: file('src/server/modules/programmes/x.service.ts'), code: "import { a } from '../cities/cities.repository.ts';", options },
    { filename: file('src/server/jobs/digest.ts'), code: "import { a } from '../modules/groups/digest.repository.ts';", options },
    { filename: file('src/server/app.ts'), code: "import { a } from './modules/groups/groups.routes.ts';", options },
    { filename: file('src/server/modules/programmes/x.test.ts'), code: "import { a } from '../groups/groups.service.ts';", options },
  ],
  invalid: [
    { filename: file('src/server/modules/programmes/x.service.ts'), code: "import { a } from '../cities/cities.service.ts';", options, errors: [{ message: /not an allowed cross-module import/ }] },
    { filename: file('src/server/modules/programmes/x.service.ts'), code: "import { a } from '../groups/groups.service.ts';", options, errors: [{ message: /imports a higher module/ }] },
    { filename: file('src/server/jobs/digest.ts'), code: "import { a } from '../modules/groups/groups.service.ts';", options, errors: [{ message: /not an allowed/ }] },
    { filename: file('src/server/app.ts'), code: "import { a } from './modules/groups/groups.service.ts';", options, errors: [{ message: /not an allowed/ }] },
  ],
});
