// POST /users/{id}/authentication/temporaryAccessPassMethods: a new Temporary Access Pass, within the tenant's
// policy (state.ts), shown in full only in this one response.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FixtureMethod } from './fixture';
import { graphError, METADATA, notFound, ok, type GraphResponse, type GraphRoute } from './graph-messages';
import { methodRepresentation } from './methods';
import { requireRole, ROLES_WRITE_TAP } from './permissions';
import type { TapPolicy } from './state';

const tapRequestSchema = z.looseObject({
  lifetimeInMinutes: z.number().int().optional(),
  isUsableOnce: z.boolean().optional(),
  startDateTime: z.iso.datetime({ offset: true }).optional(),
});

// Characters of a generated pass: Entra's passes mix letters, digits and a few symbols (e.g. "+drkzqAD").
const TAP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+-=#@%';

function generatePass(length = 8): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => TAP_ALPHABET[b % TAP_ALPHABET.length]).join('');
}

type TapRequest = z.output<typeof tapRequestSchema>;

/**
 * Graph's rules for a new pass: the policy must be on and target the user, the lifetime must lie within the
 * policy's range, a multi-use pass only if the policy allows it. The policy-off message is the stand-in's wording
 * (Graph's exact text for it is not documented); the lifetime message is Graph's.
 */
function checkAgainstPolicy(
  policy: TapPolicy,
  userId: string,
  request: TapRequest,
): { message: string } | { lifetime: number; isUsableOnce: boolean } {
  if (policy.state !== 'enabled' || policy.excludedUserIds.includes(userId)) {
    return {
      message:
        'Temporary Access Pass authentication method is not enabled for this user by the authentication methods policy.',
    };
  }
  const lifetime = request.lifetimeInMinutes ?? policy.defaultLifetimeInMinutes;
  if (lifetime < policy.minimumLifetimeInMinutes || lifetime > policy.maximumLifetimeInMinutes) {
    return {
      message: `Invalid LifetimeInMinutes specified. The valid range between ${policy.minimumLifetimeInMinutes} and ${policy.maximumLifetimeInMinutes}.`,
    };
  }
  // A policy set to one-time passes only refuses a request for a multi-use one.
  if (policy.isUsableOnce && request.isUsableOnce === false) {
    return { message: 'Multi-use Temporary Access Pass is not allowed by the policy.' };
  }
  return { lifetime, isUsableOnce: request.isUsableOnce ?? policy.isUsableOnce };
}

export const createPass: GraphRoute = ({ req, roles, lower, segments, state }): GraphResponse | undefined => {
  const isPassCollection =
    lower.length === 4 && lower[2] === 'authentication' && lower[3] === 'temporaryaccesspassmethods';
  // GET on the collection is methods.ts's, like every type's.
  if (!isPassCollection || req.method !== 'POST') return undefined;
  const denied = requireRole(req, roles, ROLES_WRITE_TAP);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  const parsed = tapRequestSchema.safeParse(req.body ?? {});
  if (!parsed.success)
    return graphError(req, 400, 'badRequest', 'Invalid request body for temporaryAccessPassAuthenticationMethod.');
  const allowed = checkAgainstPolicy(state.tapPolicy, user.id, parsed.data);
  if ('message' in allowed) return graphError(req, 400, 'badRequest', allowed.message);
  const createdDateTime = new Date().toISOString();
  const pass: FixtureMethod = {
    id: randomUUID(),
    type: 'temporaryAccessPass',
    displayName: null,
    createdDateTime,
    isDefault: false,
    temporaryAccessPass: generatePass(),
    lifetimeInMinutes: allowed.lifetime,
    isUsableOnce: allowed.isUsableOnce,
    startDateTime: parsed.data.startDateTime ? new Date(parsed.data.startDateTime).toISOString() : createdDateTime,
  };
  // One pass per user: the new one replaces any earlier one.
  user.methods = [...user.methods.filter((x) => x.type !== 'temporaryAccessPass'), pass];
  return ok(
    {
      '@odata.context': `${METADATA}#users('${user.id}')/authentication/temporaryAccessPassMethods/$entity`,
      ...methodRepresentation(pass),
      temporaryAccessPass: pass.temporaryAccessPass,
    },
    201,
  );
};
