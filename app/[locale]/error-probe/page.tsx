import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getConfig } from '@/lib/config';

// A page that fails on purpose, switched on only in the end-to-end tests (ERROR_PROBE=on), so that the
// error page, its status and its log line are tested against the real server. Elsewhere it does not exist.
export default async function ErrorProbePage() {
  await connection();
  if (!getConfig().testing.errorProbe) notFound();
  throw new Error('error probe: a page failed on purpose');
}
