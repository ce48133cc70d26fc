// The operators' audit look-up leaves one log line: who asked (the token's fingerprint, not the token) and what
// (the person's keyed hash, never the national identity number).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { person } from './support/people';
import { recordsOf } from './support/records';
import { E2E_LOG_FILE, E2E_OPS_TOKEN } from './support/site-env';

const lookupLines = () =>
  readFileSync(E2E_LOG_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event":"ops.records-lookup"'));

test('an ops look-up by national id writes one log line naming the token by fingerprint and the person by hash only', async () => {
  const someone = person('two-authenticators');
  const before = lookupLines().length;
  await recordsOf(someone.nationalId);
  await expect.poll(() => lookupLines().length).toBe(before + 1);

  const line = lookupLines().at(-1) ?? '';
  const entry = JSON.parse(line) as Record<string, unknown>;
  expect(entry).toMatchObject({
    event: 'ops.records-lookup',
    security: true,
    query: 'person',
    tokenId: `sha256:${createHash('sha256').update(E2E_OPS_TOKEN).digest('hex').slice(0, 12)}`,
  });
  expect(entry.personHash).toMatch(/^[0-9a-f]{64}$/);
  expect(line).not.toContain(someone.nationalId);
  expect(line).not.toContain(E2E_OPS_TOKEN);
});

test('a refused ops look-up (wrong token) is logged too, without the token it was given', async () => {
  const wrong = 'not-the-token-but-long-enough-to-look-like-one-0123456789';
  const count = () =>
    readFileSync(E2E_LOG_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"event":"ops.records-lookup-refused"'));
  const before = count().length;
  const response = await fetch('http://localhost:3000/api/ops/records', {
    method: 'POST',
    headers: { authorization: `Bearer ${wrong}`, 'content-type': 'application/json' },
    body: JSON.stringify({ nationalId: person('two-authenticators').nationalId }),
  });
  expect(response.status).toBe(401);
  await expect.poll(() => count().length).toBe(before + 1);
  expect(count().at(-1)).not.toContain(wrong);
});
