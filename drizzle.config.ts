// drizzle-kit generates the SQL migrations in lib/records/migrations from lib/records/schema.ts.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/records/schema.ts',
  out: './lib/records/migrations',
});
