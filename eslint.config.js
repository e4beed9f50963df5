import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Imports flow one way: shared → domain → server | web (docs/decisions/0003).
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

// The web app reaches the server through the API only; a feature uses its own
// folder, components/, lib/, shared and domain, and only app/ composes
// features (docs/web.md). What two features need moves to components/ or lib/.
const webRestrict = (...regexes) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['**/server/**', 'kysely', 'fastify', 'pg', '@electric-sql/*'], message: 'The web app talks to the server through the API only.' },
        ...regexes.map(([regex, message]) => ({ regex, message })),
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...webRestrict(),
      // The two classic rules only: the plugin's compiler-era rules judge
      // patterns this app does not build on and would be a second style.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/web/features/**'],
    rules: webRestrict(
      ['^\\.\\./(?!\\.\\./)', 'A web feature does not import another feature: move what both need to src/web/components or src/web/lib.'],
      ['^\\.\\./\\.\\./(features|app)/', 'A web feature does not import another feature or the app shell.'],
    ),
  },
  {
    files: ['src/web/components/**', 'src/web/lib/**'],
    rules: webRestrict(['^\\.\\./(features|app)/', 'Shared web code does not depend on a feature or the app shell.']),
  },
  {
    files: ['src/shared/**'],
    rules: restrict(['**/domain/**', '**/server/**', '**/web/**', 'react', 'kysely', 'fastify'], 'src/shared holds schemas only, without I/O.'),
  },
  {
    files: ['src/domain/**'],
    rules: restrict(['**/server/**', '**/web/**', 'react', 'kysely', 'fastify', 'pg', '@electric-sql/*'], 'Domain code takes data and returns data.'),
  },
);
