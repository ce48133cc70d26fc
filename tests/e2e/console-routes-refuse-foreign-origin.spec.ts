// Every console route checks the Origin itself: a form posted from another site (or without an Origin) is
// refused with 403 before anything is read or changed, even with a valid agent session.
import { expect, test } from '@playwright/test';
import { kariResetForm, loginToConsole } from './support/console';
import { graphAdmin } from './support/graph-admin';
import { person } from './support/people';
import { recordsSince } from './support/records';

for (const origin of ['https://evil.example', null]) {
  test(`console routes answer 403 to a post ${origin ? 'from a foreign origin' : 'without an Origin'}`, async ({
    page,
    context,
  }) => {
    await graphAdmin.reset();
    const since = new Date();
    const before = await graphAdmin.user(person('desk-two-phones').nationalId);
    await loginToConsole(page, 'agent');
    const headers: Record<string, string> = origin ? { origin } : {};
    for (const [path, form] of [
      ['/api/servicedesk/reset', kariResetForm()],
      ['/api/servicedesk/sign-in', [['locale', 'nb']]],
      ['/api/servicedesk/sign-out', [['locale', 'nb']]],
    ] as const) {
      const response = await page.request.post(path, {
        headers,
        form: Object.fromEntries(form) as Record<string, string>,
        maxRedirects: 0,
      });
      expect(response.status(), path).toBe(403);
    }
    expect(await graphAdmin.user(person('desk-two-phones').nationalId)).toEqual(before);
    expect((await recordsSince(since)).filter((record) => record.channel === 'service-desk')).toEqual([]);
    // Sign-out was refused too: the session is still there.
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain('tofaktor-console-session');
  });
}
