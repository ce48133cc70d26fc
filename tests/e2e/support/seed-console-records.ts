// Writes the seed records (console-seed.ts) into the e2e database before `next start` opens it, and the days they
// landed on into SEED_FILE for the tests. Run with the site's environment and `--conditions=react-server`.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { getConfig } from '@/lib/config';
import { openDatabase } from '@/lib/records/database';
import { createRecordStore } from '@/lib/records/records';
import { dayAgo, SEED_AGENT, SEED_AGENT_NAME, SEED_FILE, SEED_ROWS } from './console-seed';

async function main() {
  const now = new Date();
  const database = await openDatabase(getConfig().records);
  const store = createRecordStore(database.db);
  for (const row of SEED_ROWS) {
    const day = dayAgo(now, row.daysAgo);
    for (let i = 0; i < row.count; i += 1) {
      await store.addRecord({
        requestId: `seed-${randomUUID()}`,
        createdAt: new Date(`${day}T12:0${i}:00Z`),
        outcome: row.outcome,
        reason: row.reason ?? null,
        nationalIdHash: row.channel === 'self-service' ? `seedhash-${randomUUID()}` : null,
        channel: row.channel,
        agentId: row.channel === 'service-desk' ? SEED_AGENT : null,
        agentName: row.channel === 'service-desk' ? SEED_AGENT_NAME : null,
        verificationKind: row.channel === 'service-desk' ? 'passport' : null,
      });
    }
  }
  await database.close();
  writeFileSync(
    SEED_FILE,
    JSON.stringify({
      seededAt: now.toISOString(),
      days: Object.fromEntries(SEED_ROWS.map((row) => [row.daysAgo, dayAgo(now, row.daysAgo)])),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
