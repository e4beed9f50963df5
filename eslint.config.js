import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { serverBoundaries } from './eslint/server-boundaries.js';

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

// The server's modules, lower first: a module imports only from modules below
// it, and only the files named here (docs/architecture.md says why each edge
// exists). Jobs, the seed, plugins and app.ts are users of the modules.
const SERVER_MODULES = {
  order: [
    'health', 'audit', 'email', 'notifications', 'auth',
    'people', 'consent', 'session', 'two-factor',
    'account', 'invitations', 'password-resets',
    'cities', 'solutions', 'registration',
    'programmes', 'groups', 'applications', 'review', 'visits', 'matching',
    'support', 'surveys', 'work', 'exchange', 'privacy',
  ],
  allowed: {
    '*': ['audit/audit.repository.ts', 'email/outbox.repository.ts', 'notifications/notify.ts'],
    people: ['email/email-templates.ts'],
    session: ['auth/password.ts', 'auth/tokens.ts', 'people/people.repository.ts'],
    'two-factor': ['auth/password.ts', 'auth/tokens.ts', 'people/people.repository.ts', 'session/session.repository.ts', 'session/session.service.ts', 'session/session.routes.ts'],
    account: [
      'auth/password.ts', 'auth/password-policy.ts', 'auth/tokens.ts', 'email/email-templates.ts',
      'people/people.repository.ts', 'people/people-emails.ts', 'people/people.policy.ts', 'people/people.service.ts',
      'session/session.repository.ts', 'session/session-cache.ts', 'session/session-policy.ts',
      'consent/consent.service.ts',
    ],
    invitations: [
      'auth/password.ts', 'auth/password-policy.ts', 'auth/tokens.ts', 'email/email-templates.ts',
      'people/people.repository.ts', 'people/people.policy.ts', 'people/people.presenter.ts', 'people/people.service.ts',
      'session/session.repository.ts', 'session/session.service.ts',
      'consent/consent.service.ts',
      'two-factor/two-factor.routes.ts',
    ],
    'password-resets': ['auth/password.ts', 'auth/password-policy.ts', 'auth/tokens.ts', 'email/email-templates.ts', 'people/people.repository.ts', 'session/session.repository.ts', 'session/session-cache.ts'],
    solutions: ['cities/cities.policy.ts', 'cities/cities.repository.ts'],
    registration: ['auth/password.ts', 'auth/password-policy.ts', 'auth/tokens.ts', 'consent/consent.service.ts', 'people/people.repository.ts'],
    programmes: ['cities/cities.policy.ts', 'cities/cities.repository.ts'],
    groups: ['auth/tokens.ts', 'people/person-labels.ts', 'programmes/learning-progress.repository.ts', 'programmes/programme-lookup.ts'],
    applications: ['programmes/calls.service.ts'],
    review: ['applications/application-emails.ts', 'applications/applications.repository.ts', 'programmes/calls.repository.ts', 'programmes/calls.service.ts'],
    visits: ['cities/cities.policy.ts', 'people/people.repository.ts', 'programmes/learning-progress.repository.ts', 'programmes/programme-lookup.ts', 'programmes/programmes.service.ts', 'solutions/solutions.repository.ts'],
    matching: [
      'applications/applications.repository.ts',
      'programmes/calls.repository.ts', 'programmes/calls.service.ts', 'programmes/programme-lookup.ts', 'programmes/programmes.service.ts',
      'review/review.service.ts',
      'visits/visits.repository.ts', 'visits/visits.service.ts',
    ],
    exchange: ['cities/cities.repository.ts', 'people/person-labels.ts', 'solutions/solutions.repository.ts'],
    privacy: ['auth/password.ts', 'people/people.repository.ts'],
    work: ['support/support-calendar.ts', 'support/support-emails.ts', 'programmes/calls.repository.ts', 'programmes/calls.service.ts', 'programmes/learning-progress.repository.ts', 'programmes/programmes.repository.ts', 'programmes/programmes.service.ts'],
    jobs: [
      'applications/application-emails.ts',
      'groups/digest.repository.ts', 'groups/group-emails.ts', 'groups/meetings.repository.ts',
      'visits/visit-emails.ts', 'visits/visits.repository.ts',
      'work/work-emails.ts', 'work/work.service.ts',
      'exchange/meeting-emails.ts', 'exchange/meeting-requests.repository.ts',
      'registration/registration.service.ts',
      'notifications/notifications.repository.ts',
      'support/support-calendar.ts', 'support/support-emails.ts', 'support/peer-sessions.service.ts',
      'surveys/survey-emails.ts', 'surveys/surveys.repository.ts',
    ],
    seed: ['auth/password.ts', 'matching/matching.service.ts', 'support/support.repository.ts', 'support/support-calendar.ts', 'surveys/survey-audience.ts', 'programmes/programmes.repository.ts', 'solutions/solutions.repository.ts'],
    plugins: ['auth/tokens.ts', 'session/session-policy.ts', 'session/session.service.ts', 'two-factor/two-factor.repository.ts'],
    app: ['*/*.routes.ts', 'people/person-labels.ts', 'session/session-cache.ts', 'matching/solver-pool.ts', 'privacy/data-export.service.ts'],
    main: [],
    lib: [],
  },
};

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
    files: ['src/server/**'],
    ignores: ['src/server/test-support/**'],
    plugins: { server: serverBoundaries },
    rules: { 'server/module-boundaries': ['error', SERVER_MODULES] },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(['**/domain/**', '**/server/**', '**/web/**', 'react', 'kysely', 'fastify'], 'src/shared holds schemas only, without I/O.'),
  },
  {
    // Every string the API takes is storable text (src/shared/text.ts, decision 0024): no bare z.string() or z.url().
    files: ['src/shared/**/*.ts', 'src/domain/**/*.ts', 'src/server/**/*.routes.ts'],
    ignores: ['**/*.test.ts', 'src/shared/text.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name=/^(string|url)$/]",
          message: 'Use text() or webAddress() from src/shared/text.ts: they refuse U+0000 and lone surrogates, which PostgreSQL cannot store (decision 0024).',
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict(['**/server/**', '**/web/**', 'react', 'kysely', 'fastify', 'pg', '@electric-sql/*'], 'Domain code takes data and returns data.'),
  },
);
