// The per-address limiter's store (rate-limiter-flexible's Drizzle layout). Kept out of schema.ts on purpose:
// it is created by the migration step (lib/records/database.ts, SUPPORT_TABLES_SQL) rather than a drizzle-kit
// migration, so it does not collide with the numbered migrations other changes add.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const addressLimits = pgTable('address_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});
