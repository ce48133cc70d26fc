// Unit tests: jest + Testing Library through next/jest (SWC transforms, no Babel config).
import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// next-intl and its dependencies ship ESM only, so jest must transform them.
const esmPackages = ['next-intl', 'use-intl', 'intl-messageformat', '@formatjs', '@schummar', 'icu-minify'];

const config = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests/unit'],
  setupFiles: ['<rootDir>/tests/unit/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/unit/setup.ts'],
  moduleNameMapper: {
    '^server-only$': '<rootDir>/tests/unit/server-only-stub.ts',
    '^@/(.*)$': '<rootDir>/$1',
  },
};

export default async function jestConfig() {
  const resolved = await createJestConfig(config)();
  resolved.transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];
  return resolved;
}
