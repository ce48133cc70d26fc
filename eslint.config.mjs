import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// What only the composition root (lib/wiring/root.ts) constructs.
const INFRASTRUCTURE = [
  ['@/lib/directory/directory', 'createGraphDirectory'],
  ['@/lib/records/records', 'createRecordStore'],
  ['@/lib/records/queries', 'createRecordQueries'],
  ['@/lib/records/console-sessions', 'createConsoleSessionStore'],
  ['@/lib/records/database', 'getSharedDatabase'],
  ['@/lib/records/database', 'openDatabase'],
  ['@/lib/reset/address-limiter', 'createSharedAddressLimiter'],
  ['@/lib/reset/person-lock', 'createPersonLock'],
];

const BUILT_IN_THE_ROOT = INFRASTRUCTURE.map(([name, importName]) => ({
  name,
  importNames: [importName],
  message: 'Built in the composition root only: take it from @/lib/wiring.',
}));

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'lib/records/migrations/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Plain links on purpose: pages are static HTML in a shared cache, and next/link would ship its router code
      // and prefetch every link in view (components/localized-link.tsx).
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // The standalone entry is CommonJS on purpose: it runs next to Next's own server.js, untranspiled. The build
    // step that strips prerendered pages is too, so the unit tests can load it as it is.
    files: ['server/**/*.cjs', 'scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The composition root (lib/wiring) is the one place that builds infrastructure: a directory, a record store,
    // the limiters, the lock and the database handle. Pages, routes and components ask lib/wiring for them, and ask
    // the records by name (lib/records/queries.ts): no query is composed, and no national id hashed, outside lib.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation.ts', 'mdx-components.tsx'],
    ignores: ['lib/wiring/**', 'lib/records/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...BUILT_IN_THE_ROOT],
        },
      ],
    },
  },
  {
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...BUILT_IN_THE_ROOT,
            { name: 'drizzle-orm', message: 'Ask the records by name (lib/records/queries.ts).' },
            { name: '@/lib/records/records', message: 'Ask the records by name (lib/records/queries.ts).' },
            { name: '@/lib/records/database', message: 'Ask the records by name (lib/records/queries.ts).' },
            {
              name: '@/lib/national-id',
              importNames: ['hashNationalId'],
              message: 'The records hash a person themselves (lib/records/queries.ts).',
            },
            {
              name: '@/lib/records/schema',
              allowTypeImports: true,
              message: 'The records vocabulary is in @/lib/records/vocabulary; the tables stay in lib/records.',
            },
          ],
        },
      ],
    },
  },
  {
    // Files and functions a reader can hold in their head. Generated migrations are ignored above; tests may be long.
    files: ['app/**', 'components/**', 'lib/**', 'dev/**', 'proxy.ts', 'mdx-components.tsx'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The environment is read and checked in lib/config alone; the rest of the site gets typed settings from it.
    // Tests and dev/ are programs of their own and set up environments for the site.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation.ts', 'mdx-components.tsx'],
    ignores: ['lib/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through @/lib/config, not process.env.' },
      ],
    },
  },
  {
    // Components show what they are given: the page reads the settings and passes on what a component needs.
    // A rule of its own: a block for no-restricted-imports here would replace the one above for components.
    files: ['components/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ImportExpression', 'ExportNamedDeclaration', 'ExportAllDeclaration'].map((node) => ({
          selector: `${node}[source.value=/^(@\\/|(\\.\\.\\/)+)lib\\/config(\\/|$)/]`,
          message: 'Take settings as props from the page, not from @/lib/config.',
        })),
      ],
    },
  },
];

export default config;
