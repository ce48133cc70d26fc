// Done when 3 (issue 17): the confirm page shows everything the account has. A person with one of every method type
// Graph returns sees each: the removable ones with a checkbox (phone numbers unticked, with a sentence on when to
// remove them), the rest as kept, by name. Removing a phone number works and is recorded, and nothing kept is ever
// sent a DELETE (the stand-in's request log).
import { expect, test } from '@playwright/test';
import { axeViolations } from './support/accessibility';
import { graphAdmin } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

const MOBILE = '3179e48a-750b-4051-897c-87b9720928f7';
const OFFICE = 'e37fc753-ff3b-4958-9484-eaa9425c82bc';

test('every method type is shown, a phone number can be removed, and nothing kept is sent a DELETE', async ({
  page,
}) => {
  await graphAdmin.reset();
  const someone = person('every-method-type');
  const before = await graphAdmin.user(someone.nationalId);
  await loginFromResetGuide(page, someone.nationalId);

  // Removable: ticked, except the two phone numbers, each with its sentence.
  const choice = page.getByTestId('methods-to-remove');
  await expect(choice.getByRole('checkbox', { name: 'Microsoft Authenticator på «Pixel 9»' })).toBeChecked();
  await expect(choice.getByRole('checkbox', { name: 'Kodegenerator-app (engangskoder)' })).toBeChecked();
  const mobile = choice.getByRole('checkbox', { name: 'Telefonnummer som slutter på 83 (SMS eller oppringing)' });
  const office = choice.getByRole('checkbox', { name: 'Telefonnummer som slutter på 42 (SMS eller oppringing)' });
  await expect(mobile).not.toBeChecked();
  await expect(office).not.toBeChecked();
  await expect(mobile).toHaveAccessibleDescription(/Fjern nummeret bare hvis du har mistet det også/);
  await expect(choice.getByRole('checkbox')).toHaveCount(4);
  // The phone number itself never reaches the page, only its last two digits.
  expect(await page.content()).not.toContain('91234583');

  // Kept: every other kind, by name.
  const kept = page.getByTestId('kept-methods');
  for (const name of [
    'Sikkerhetsnøkkel «YubiKey på nøkkelringen»',
    'Kodebrikke (engangskoder)',
    'Innlogging på Mac «MacBook Air» (plattformlegitimasjon)',
    'Windows Hello for Business på «LAPTOP-ALMA»',
    'QR-kode med PIN-kode',
    'Ekstern innloggingsmetode «Partnerpålogging»',
    'E-postadresse for å tilbakestille passordet',
    'Passord',
  ]) {
    await expect(kept.getByText(name, { exact: true })).toHaveCount(1);
  }
  await expect(kept.getByRole('listitem')).toHaveCount(8);
  expect(await axeViolations(page)).toEqual([]);

  // Remove the lost phone's number with the rest; keep the office phone.
  await mobile.check();
  await confirmReset(page);
  await expect(page.getByTestId('removed-methods')).toContainText('Telefonnummer som slutter på 83');
  await expect(page.getByTestId('kept-methods')).toContainText(
    'Telefonnummer som slutter på 42 (SMS eller oppringing) er fortsatt registrert',
  );
  await expect(page.getByTestId('kept-methods')).toContainText('Sikkerhetsnøkkel «YubiKey på nøkkelringen»');
  await expect(page.getByTestId('anyone-could-register')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  const removedIds = ['a1a1a1a1-0000-4000-8000-000000170302', 'a1a1a1a1-0000-4000-8000-000000170303', MOBILE];
  const after = await graphAdmin.user(someone.nationalId);
  expect(after.methods.map((method) => method.id).sort()).toEqual(
    before.methods
      .map((method) => method.id)
      .filter((id) => !removedIds.includes(id))
      .sort(),
  );
  // The request log: a DELETE for each removed registration, in its own collection, and for nothing else.
  const deletes = (await graphAdmin.requests()).requests.filter((request) => request.method === 'DELETE');
  expect(deletes.map((request) => request.path.replace(/^(\/v1\.0)?\/users\/[^/]+/, '')).sort()).toEqual(
    [
      `/authentication/microsoftAuthenticatorMethods/${removedIds[0]}`,
      `/authentication/softwareOathMethods/${removedIds[1]}`,
      `/authentication/phoneMethods/${MOBILE}`,
    ].sort(),
  );
  const keptIds = before.methods.map((method) => method.id).filter((id) => !removedIds.includes(id));
  for (const request of deletes) for (const id of keptIds) expect(request.path).not.toContain(id);

  const ref = new URL(page.url()).searchParams.get('ref');
  const record = (await recordsOf(someone.nationalId)).find((entry) => entry.requestId === ref);
  expect(record?.outcome).toBe('success');
  expect(record?.removed).toContainEqual({ id: MOBILE, type: 'phone', label: '83' });
  expect(record?.kept.map((method) => method.type).sort()).toEqual(
    ['external', 'hardwareOath', 'phone', 'platformCredential', 'qrCodePin', 'securityKey', 'windowsHello'].sort(),
  );
  expect(record?.kept).toContainEqual({ id: OFFICE, type: 'phone', label: '42' });
  expect(JSON.stringify(record)).not.toContain('91234583');
});
