// The security headers' inputs that hold for every request of this process: the site's origin, where its forms may
// end (ID-porten's login and logout, Entra ID's authorize endpoint) and where CSP reports go.
import { getConfig, isDevelopment } from '@/lib/config';
import { idportenFormActionOrigins } from '@/lib/idporten/discovery';
import { securityHeaders, type ScriptPolicy } from '@/lib/security-headers';

export type HeaderPolicy = {
  appOrigin: string;
  formActionOrigins: string[];
  idportenOrigins: string[];
  reportUri: string | undefined;
  development: boolean;
};

export async function headerPolicy(): Promise<HeaderPolicy> {
  const config = getConfig();
  const idportenOrigins = await idportenFormActionOrigins();
  // The console's sign-in form ends at Entra ID's authorize endpoint (on its issuer's origin).
  const consoleOrigins = config.console.enabled ? [new URL(config.console.issuer).origin] : [];
  return {
    appOrigin: config.appOrigin,
    formActionOrigins: [...new Set([...idportenOrigins, ...consoleOrigins])],
    idportenOrigins,
    reportUri: config.security.cspReportUri,
    development: isDevelopment(),
  };
}

/** The headers for one response: its scripts, and who may frame it (nobody unless named). */
export function headersFor(
  policy: HeaderPolicy,
  scripts: ScriptPolicy,
  frameAncestors?: string[],
): Record<string, string> {
  const { idportenOrigins: _unused, ...common } = policy;
  return securityHeaders({ ...common, scripts, ...(frameAncestors ? { frameAncestors } : {}) });
}

export function withHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
