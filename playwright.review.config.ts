// `npm run review:accessibility`: the recorder of the manual accessibility review (dev/accessibility-review), against
// the same servers as the end-to-end tests. Not part of `npm test`: it records, a person judges.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testDir: 'dev/accessibility-review' });
