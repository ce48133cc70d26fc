// Done when 1 (issue 8): a passkey in Microsoft Authenticator goes with the app registration; a hardware security
// key (another AAGUID) is never shown as removable and never touched. Also the Norwegian notice (done when 4).
import { expect, test } from '@playwright/test';
import { authenticatorPasskeyAaguids, graphAdmin } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

test('app registration and Authenticator passkey go, the security key stays; page, record and nb notice name exactly those two', async ({
  page,
}) => {
  await graphAdmin.reset();
  const someone = person('authenticator-and-passkey');
  const before = await graphAdmin.user(someone.nationalId);
  const app = before.methods.find((method) => method.type === 'microsoftAuthenticator');
  const passkey = before.methods.find(
    (method) => method.type === 'fido2' && authenticatorPasskeyAaguids.includes(method.aaGuid ?? ''),
  );
  const securityKey = before.methods.find(
    (method) => method.type === 'fido2' && !authenticatorPasskeyAaguids.includes(method.aaGuid ?? ''),
  );
  if (!app || !passkey || !securityKey)
    throw new Error('fixture person needs an app, an Authenticator passkey and a security key');

  await loginFromResetGuide(page, someone.nationalId);
  const offered = page.getByTestId('methods-to-remove').getByRole('listitem');
  await expect(offered).toHaveCount(2);
  await expect(offered.nth(0)).toContainText('Microsoft Authenticator på «iPhone 15»');
  await expect(offered.nth(1)).toContainText('Passnøkkel i Microsoft Authenticator på «iPhone 15»');
  await expect(page.getByTestId('methods-to-remove')).not.toContainText('YubiKey');
  await confirmReset(page);

  await expect(page.getByTestId('outcome-success')).toBeVisible();
  const removedOnPage = page.getByTestId('removed-methods').getByRole('listitem');
  await expect(removedOnPage).toHaveCount(2);
  await expect(removedOnPage.nth(0)).toContainText('Microsoft Authenticator på «iPhone 15»');
  await expect(removedOnPage.nth(1)).toContainText('Passnøkkel i Microsoft Authenticator på «iPhone 15»');

  const after = await graphAdmin.user(someone.nationalId);
  const remainingIds = after.methods.map((method) => method.id);
  expect(remainingIds).not.toContain(app.id);
  expect(remainingIds).not.toContain(passkey.id);
  expect(after.methods.find((method) => method.id === securityKey.id)).toEqual(securityKey);
  // No request ever named the security key.
  const paths = (await graphAdmin.requests()).requests.map((request) => request.path);
  expect(paths.filter((path) => path.includes(securityKey.id))).toEqual([]);
  expect(paths.filter((path) => path.includes(`/fido2Methods/${passkey.id}`))).toHaveLength(1);

  const [record, ...others] = await recordsOf(someone.nationalId);
  expect(others).toEqual([]);
  expect(record?.outcome).toBe('success');
  expect(record?.removed.map((method) => [method.id, method.type]).sort()).toEqual(
    [
      [app.id, 'microsoftAuthenticator'],
      [passkey.id, 'microsoftAuthenticatorPasskey'],
    ].sort(),
  );
  expect(record?.chosen.sort()).toEqual([app.id, passkey.id].sort());
  expect(record?.noticeSent).toBe(true);

  // The notice: exactly one, to the account's address and its alternate address, in bokmål, with the reference.
  const reference = new URL(page.url()).searchParams.get('ref') ?? '';
  const mail = await graphAdmin.mail();
  expect(mail).toHaveLength(1);
  expect(mail[0]?.toRecipients).toEqual([before.mail, ...before.otherMails]);
  expect(mail[0]?.subject).toBe('Tofaktor er nullstilt på OsloMet-kontoen din');
  expect(mail[0]?.content).toContain(`Referanse: ${reference}`);
  expect(mail[0]?.content).toContain('- Microsoft Authenticator på «iPhone 15»');
  expect(mail[0]?.content).toContain('- Passnøkkel i Microsoft Authenticator på «iPhone 15»');
  expect(mail[0]?.content).not.toContain('YubiKey');
  expect(mail[0]?.content).toContain('Kontakt IT-servicedesk med en gang');
  expect(mail[0]?.content).toContain('https://www.oslomet.no/');
  await expect(page.getByTestId('notice-sent')).toBeVisible();
});
