import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
    // The standalone entry is CommonJS on purpose: it runs next to Next's own server.js, untranspiled.
    files: ['server/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The environment is read and checked in lib/config alone; the rest of the site gets typed settings from it.
    // Tests and dev/ are programs of their own and set up environments for the site.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'auth.ts', 'instrumentation.ts', 'mdx-components.tsx'],
    ignores: ['lib/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through @/lib/config, not process.env.' },
      ],
    },
  },
  {
    // Components show what they are given: the page reads the settings and passes on what a component needs, and
    // the audit records' vocabulary comes from lib/records/vocabulary.ts, not the database schema.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)lib/(config|records/schema)(/.*|\\.ts)?$',
              message: 'Take settings as props from the page; the records vocabulary is in @/lib/records/vocabulary.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
