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
];

export default config;
