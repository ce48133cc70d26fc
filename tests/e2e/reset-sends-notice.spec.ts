// Done when 4 (issue 8): after a reset that removed something, exactly one notice goes to the account's address
// and its alternate addresses, in the language the person used (English here; bokmål in the passkey test), with
// the reference. A sendMail failure changes nothing about the reset; the record says the notice failed.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';
import { E2E_LOG_FILE } from './support/site-env';

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('one English notice to the account address and both alternate addresses, with the reference', async ({
    page,
  }) => {
    await graphAdmin.reset();
    const someone = person('notice-en');
    const before = await graphAdmin.user(someone.nationalId);
    await loginFromResetGuide(page, someone.nationalId, { locale: 'en' });
    await confirmReset(page, 'en');
    await expect(page.getByTestId('notice-sent')).toContainText('We have sent an email');
    const reference = new URL(page.url()).searchParams.get('ref') ?? '';
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);

    const mail = await graphAdmin.mail();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.sender).toBe('tofaktor-noreply@oslomet.no');
    expect(mail[0]?.toRecipients).toEqual([
      'will.noticeson@oslomet.no',
      'will.private@example.com',
      'will.other@example.org',
    ]);
    expect(mail[0]?.toRecipients).toEqual([before.mail, ...before.otherMails]);
    expect(mail[0]?.subject).toBe('Two-factor authentication was reset on your OsloMet account');
    expect(mail[0]?.content).toContain('Hello Will Noticeson,');
    expect(mail[0]?.content).toContain('- Microsoft Authenticator on "iPhone 16"');
    expect(mail[0]?.content).toContain(`Reference: ${reference}`);
    expect(mail[0]?.content).toContain('Contact the IT service desk at once');
    // Issue 17: who did it (the person, after ID-porten), and the page to undo it, in the person's language.
    expect(mail[0]?.content).toContain('Whoever did it signed in with ID-porten on the two-factor website.');
    expect(mail[0]?.content).not.toContain('by the IT service desk');
    expect(mail[0]?.content).toContain('http://localhost:3000/en/reset/not-me');
    expect(mail[0]?.content).not.toContain('Tofaktor');
    expect((await recordsOf(someone.nationalId))[0]).toMatchObject({ outcome: 'success', noticeSent: true });
  });
});

test('sendMail failing leaves the reset as it was; the record says the notice failed and the log says why', async ({
  page,
}) => {
  await graphAdmin.reset();
  const someone = person('notice-fails');
  await loginFromResetGuide(page, someone.nationalId);
  // More failures than the client retries: the notice cannot get through.
  await graphAdmin.faults({ rules: [{ method: 'POST', pathContains: '/sendMail', status: 500, times: 10 }] });
  await confirmReset(page);

  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await expect(page.getByTestId('removed-methods').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('notice-failed')).toContainText('Nullstillingen er likevel gjennomført');
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  expect(await graphAdmin.mail()).toEqual([]);
  const sendAttempts = (await graphAdmin.requests()).requests.filter((request) => request.path.includes('/sendMail'));
  expect(sendAttempts.length).toBeGreaterThan(0);
  expect(sendAttempts.every((request) => request.status === 500)).toBe(true);

  const [record, ...others] = await recordsOf(someone.nationalId);
  expect(others).toEqual([]);
  expect(record).toMatchObject({ outcome: 'success', noticeSent: false, sessionsRevoked: true, tapIssued: true });
  const failure = readFileSync(E2E_LOG_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"reset.notice-failed"') && line.includes(record?.requestId ?? 'none'));
  expect(failure).toHaveLength(1);
  expect(failure[0]).toContain('send-mail: 500 generalException');
});
