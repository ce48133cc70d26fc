// The console's session records on the site's one records database.
import 'server-only';
import { getConfig } from '@/lib/config';
import { createConsoleSessionStore, type ConsoleSessionStore } from '@/lib/records/console-sessions';
import { getSharedDatabase } from '@/lib/records/database';

export async function getConsoleSessionStore(): Promise<ConsoleSessionStore> {
  const { db } = await getSharedDatabase(getConfig().records);
  return createConsoleSessionStore(db);
}
