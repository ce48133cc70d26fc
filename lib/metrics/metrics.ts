// The site's Prometheus metrics: one registry per process, and one small function per thing worth counting.
// Every label is a closed vocabulary (the lists below); a value outside its list is counted as "other", so no
// person, account id, national id, pass or free text can ever become a label, whatever a caller passes.
import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const CHANNELS = ['self-service', 'service-desk'] as const;
export const OUTCOMES = ['success', 'partial', 'failed', 'refused', 'nothing-to-remove', 'interrupted'] as const;
export const REFUSAL_STEPS = ['confirm-page', 'reset', 'request'] as const;
export const REFUSAL_REASONS = [
  'no-account',
  'several-accounts',
  'stale-login',
  'low-assurance',
  'rate-limited-person',
  'rate-limited-address',
  'stale-staff-login',
  'rate-limited-agent',
  'protected-account',
  'missing-origin',
  'foreign-origin',
] as const;
export const GRAPH_OPERATIONS = [
  'token',
  'find-accounts',
  'list-methods',
  'remove-method',
  'revoke-sessions',
  'create-tap',
  'delete-tap',
  'send-mail',
  'search-accounts',
  'get-account',
  'check-member-groups',
] as const;
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'no-response'] as const;
export const RATE_LIMITS = ['address', 'person', 'agent'] as const;
export const NOTICE_RESULTS = ['sent', 'failed'] as const;
export const LOGIN_FAILURE_REASONS = [
  // The login reached us but cannot become a session (lib/auth/idporten.ts).
  'no-national-id',
  'invalid-claims',
  'low-assurance',
  // The login did not come back (the login-failed route and the sign-in action).
  'unavailable',
  'cancelled',
  'failed',
] as const;
export const READINESS_CHECKS = ['configuration', 'shutdown', 'database', 'schema'] as const;
const OTHER = 'other';

/** `value` when it is one of `allowed`, else "other": the one gate every label value goes through. */
export function closedLabel<T extends string>(allowed: readonly T[], value: unknown): T | typeof OTHER {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : OTHER;
}

export function statusClass(status: number): (typeof STATUS_CLASSES)[number] {
  if (!Number.isInteger(status) || status < 200 || status > 599) return 'no-response';
  return `${Math.floor(status / 100)}xx` as (typeof STATUS_CLASSES)[number];
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const created = {
    registry,
    attempts: new Counter({
      name: 'tofaktor_reset_attempts_total',
      help: 'Reset attempts (the reset action, either channel), by outcome; exactly one per audit record of an attempt.',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
    recovered: new Counter({
      name: 'tofaktor_resets_recovered_total',
      help: 'Attempts an instance left in progress (it died between its intent and its record), completed by recovery.',
      registers,
    }),
    refusals: new Counter({
      name: 'tofaktor_refusals_total',
      help: 'Refusals by reason and the step that refused: the confirm page, the reset itself, or the request check.',
      labelNames: ['channel', 'step', 'reason'] as const,
      registers,
    }),
    graphDuration: new Histogram({
      name: 'tofaktor_graph_request_duration_seconds',
      help: 'Microsoft Graph calls (the client retries inside one call), by operation and the status class of the end.',
      labelNames: ['operation', 'status_class'] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers,
    }),
    rateLimitHits: new Counter({
      name: 'tofaktor_rate_limit_hits_total',
      help: 'Attempts stopped by a limit: per client address, per person, per service desk agent.',
      labelNames: ['limit'] as const,
      registers,
    }),
    passesIssued: new Counter({
      name: 'tofaktor_passes_issued_total',
      help: 'Temporary Access Passes issued, by channel.',
      labelNames: ['channel'] as const,
      registers,
    }),
    notices: new Counter({
      name: 'tofaktor_notices_total',
      help: 'Notice e-mails after a reset, sent or failed, by channel.',
      labelNames: ['channel', 'result'] as const,
      registers,
    }),
    loginsFailed: new Counter({
      name: 'tofaktor_logins_failed_total',
      help: 'ID-porten logins that did not become a session, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    notMeLockdowns: new Counter({
      name: 'tofaktor_not_me_lockdowns_total',
      help: '"This wasn\'t me" lock-downs carried out (registrations since the reset removed, sessions revoked), by the channel of the reset undone.',
      labelNames: ['channel'] as const,
      registers,
    }),
    ready: new Gauge({
      name: 'tofaktor_ready',
      help: 'Whether this instance reports ready (1) or not (0) at the last scrape, as /api/ready does.',
      registers,
    }),
    readinessCheck: new Gauge({
      name: 'tofaktor_readiness_check',
      help: 'Each readiness check at the last scrape: 1 ok, 0 failing.',
      labelNames: ['check'] as const,
      registers,
    }),
  };
  startAtZero(created);
  return created;
}

/**
 * Every series an alert counts on exists from the start, at 0: a counter that first appears at 1 has no earlier
 * sample, so `increase()` would miss the very first failed notice or lock-down after an instance starts. The label
 * sets are the closed lists above (refusals and Graph calls are left to appear when they happen: their products are
 * large, and their rules look at rates over many events).
 */
function startAtZero(created: Metrics): void {
  for (const channel of CHANNELS) {
    for (const outcome of OUTCOMES) created.attempts.inc({ channel, outcome }, 0);
    for (const result of NOTICE_RESULTS) created.notices.inc({ channel, result }, 0);
    created.passesIssued.inc({ channel }, 0);
    created.notMeLockdowns.inc({ channel }, 0);
  }
  for (const limit of RATE_LIMITS) created.rateLimitHits.inc({ limit }, 0);
  for (const reason of LOGIN_FAILURE_REASONS) created.loginsFailed.inc({ reason }, 0);
}

export type Metrics = ReturnType<typeof createMetrics>;

// Next bundles server code into several chunks (instrumentation, route handlers, server actions), each of which may
// get its own copy of this module: the registry lives on globalThis so all of them count into the same one.
const shared = globalThis as typeof globalThis & { __tofaktorMetrics?: Metrics };

export function metrics(): Metrics {
  shared.__tofaktorMetrics ??= createMetrics();
  return shared.__tofaktorMetrics;
}

type Channel = (typeof CHANNELS)[number];
const channelOf = (channel: unknown) => closedLabel(CHANNELS, channel ?? 'self-service');

export function countAttempt(channel: Channel | undefined, outcome: string): void {
  metrics().attempts.inc({ channel: channelOf(channel), outcome: closedLabel(OUTCOMES, outcome) });
}

/** An interrupted attempt completed by recovery: also counted as an attempt with the outcome `interrupted`. */
export function countRecovered(channel: Channel | undefined): void {
  metrics().recovered.inc();
  countAttempt(channel, 'interrupted');
}

export function countRefusal(channel: Channel | undefined, step: (typeof REFUSAL_STEPS)[number], reason: string): void {
  metrics().refusals.inc({
    channel: channelOf(channel),
    step: closedLabel(REFUSAL_STEPS, step),
    reason: closedLabel(REFUSAL_REASONS, reason),
  });
}

export function observeGraphCall(operation: string, status: number, seconds: number): void {
  metrics().graphDuration.observe(
    { operation: closedLabel(GRAPH_OPERATIONS, operation), status_class: statusClass(status) },
    seconds,
  );
}

export function countRateLimitHit(limit: (typeof RATE_LIMITS)[number]): void {
  metrics().rateLimitHits.inc({ limit: closedLabel(RATE_LIMITS, limit) });
}

export function countPassIssued(channel: Channel | undefined): void {
  metrics().passesIssued.inc({ channel: channelOf(channel) });
}

export function countNotice(channel: Channel | undefined, sent: boolean): void {
  metrics().notices.inc({ channel: channelOf(channel), result: sent ? 'sent' : 'failed' });
}

export function countLoginFailure(reason: string): void {
  metrics().loginsFailed.inc({ reason: closedLabel(LOGIN_FAILURE_REASONS, reason) });
}

/** One "this wasn't me" lock-down carried out; `channel` is the channel of the reset it undid. */
export function countNotMeLockdown(channel: Channel | undefined): void {
  metrics().notMeLockdowns.inc({ channel: channelOf(channel) });
}

/** The readiness gauges, set from a fresh check (the metrics listener calls this on each scrape). */
export function setReadiness(ready: boolean, checks: Partial<Record<string, { ok: boolean }>>): void {
  const { ready: gauge, readinessCheck } = metrics();
  gauge.set(ready ? 1 : 0);
  for (const name of READINESS_CHECKS) readinessCheck.set({ check: name }, checks[name]?.ok ? 1 : 0);
}
