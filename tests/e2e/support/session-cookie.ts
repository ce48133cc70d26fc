// A session cookie exactly as the site issues it after an ID-porten login (same secret, salt and claims),
// for the instance that believes it runs on https, where the browser login of the main instance does not
// reach. Only the header grading uses it; every flow test logs in through the ID-porten stand-in.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { localSiteEnv } from '../../../dev/local-env';

export async function mintSessionCookie(options: {
  nationalId: string;
  locale: string;
  secure: boolean;
}): Promise<string> {
  const name = options.secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
  const value = await encode({
    salt: name,
    secret: localSiteEnv().AUTH_SECRET!,
    maxAge: 1800,
    token: {
      sub: randomUUID(),
      pid: options.nationalId,
      acr: 'idporten-loa-high',
      authTime: Math.floor(Date.now() / 1000),
      sid: randomUUID(),
      locale: options.locale,
    },
  });
  return `${name}=${value}`;
}
