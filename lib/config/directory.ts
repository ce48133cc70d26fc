// The site as an Entra ID application reading and changing the directory through Microsoft Graph.
import { z } from 'zod';
import {
  field,
  guid,
  isSet,
  optionalText,
  pattern,
  webUrl,
  withoutTrailingSlash,
  type Problem,
  type RawEnv,
} from './fields';
import type { Env } from './schema';

export const directoryShape = {
  ENTRA_TENANT_ID: guid(),
  ENTRA_CLIENT_ID: guid(),
  ENTRA_CLIENT_SECRET: optionalText(),
  ENTRA_CERTIFICATE_PATH: optionalText(),
  ENTRA_CERTIFICATE_THUMBPRINT: field(
    z
      .string()
      .trim()
      .transform((value) => value.replace(/:/g, '').toLowerCase())
      .refine((value) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(value), 'must be a SHA-1 or SHA-256 thumbprint in hex')
      .optional(),
  ),
  ENTRA_AUTHORITY_HOST: webUrl('https://login.microsoftonline.com').transform(withoutTrailingSlash),
  GRAPH_BASE_URL: webUrl('https://graph.microsoft.com').transform(withoutTrailingSlash),
  GRAPH_NATIONAL_ID_ATTRIBUTE: pattern(
    /^(employeeId|extension_[0-9a-f]{32}_\w+)$/,
    'must be employeeId or extension_<app id without dashes>_<name>',
    'employeeId',
  ),
};

/** One credential for Graph: a secret, or a certificate given as both its file and its thumbprint. */
export function directoryRules(raw: RawEnv): Problem[] {
  const hasSecret = isSet(raw, 'ENTRA_CLIENT_SECRET');
  const hasPath = isSet(raw, 'ENTRA_CERTIFICATE_PATH');
  const hasThumbprint = isSet(raw, 'ENTRA_CERTIFICATE_THUMBPRINT');
  if (hasSecret && (hasPath || hasThumbprint))
    return [['ENTRA_CLIENT_SECRET', 'set either ENTRA_CLIENT_SECRET or the certificate pair, not both']];
  if (!hasSecret && !hasPath && !hasThumbprint)
    return [
      ['ENTRA_CLIENT_SECRET', 'set ENTRA_CLIENT_SECRET or ENTRA_CERTIFICATE_PATH + ENTRA_CERTIFICATE_THUMBPRINT'],
    ];
  const problems: Problem[] = [];
  if (!hasSecret && !hasPath)
    problems.push(['ENTRA_CERTIFICATE_PATH', 'is required with ENTRA_CERTIFICATE_THUMBPRINT']);
  if (!hasSecret && !hasThumbprint)
    problems.push(['ENTRA_CERTIFICATE_THUMBPRINT', 'is required with ENTRA_CERTIFICATE_PATH']);
  return problems;
}

export function directorySettings(env: Env) {
  return {
    entra: {
      tenantId: env.ENTRA_TENANT_ID.toLowerCase(),
      clientId: env.ENTRA_CLIENT_ID.toLowerCase(),
      authorityHost: env.ENTRA_AUTHORITY_HOST,
      credential: env.ENTRA_CLIENT_SECRET
        ? { kind: 'secret' as const, secret: env.ENTRA_CLIENT_SECRET }
        : {
            kind: 'certificate' as const,
            // directoryRules guarantees both are present when there is no secret
            path: env.ENTRA_CERTIFICATE_PATH ?? '',
            thumbprint: env.ENTRA_CERTIFICATE_THUMBPRINT ?? '',
          },
    },
    graph: { baseUrl: env.GRAPH_BASE_URL, nationalIdAttribute: env.GRAPH_NATIONAL_ID_ATTRIBUTE },
  };
}
