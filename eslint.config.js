import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Imports flow one way: shared → domain → server | web (docs/decisions/0003).
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
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
    rules: restrict(['**/server/**', 'kysely', 'fastify', 'pg', '@electric-sql/*'], 'The web app talks to the server through the API only.'),
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
