// What the operator's kit names — the Prometheus rules (ops/prometheus/alerts.yml) and the Grafana dashboard
// (ops/grafana/tofaktor.json) — and whether the site exports it: every metric in their PromQL, and every label value
// a matcher compares with, must be in a scrape of /metrics (or, for a label value, in the closed list
// lib/metrics/metrics.ts keeps for that label: a labelled counter shows a value only once it was counted).
// Used by the end-to-end metrics test against the real site, and by a unit test that proves a wrong name is caught.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** A file of the repository, wherever the test runs from. */
export const repoFile = (path: string) => resolve(__dirname, '../../..', path);

export const RULES_FILE = 'ops/prometheus/alerts.yml';
export const DASHBOARD_FILE = 'ops/grafana/tofaktor.json';
export const METRICS_SOURCE = 'lib/metrics/metrics.ts';

/** A PromQL expression and where it was found (for the message when something in it is unknown). */
export type Query = { expr: string; where: string };
export type Matcher = { label: string; op: '=' | '!=' | '=~' | '!~'; value: string };
export type Selector = { metric: string; matchers: Matcher[]; where: string };

type Rule = { record?: string; alert?: string; expr: string; annotations?: Record<string, string> };
export type RulesFile = { groups: { name: string; rules: Rule[] }[] };

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);
const AGGREGATIONS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
]);
const SET_OPERATORS = new Set(['and', 'or', 'unless']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

function skipString(expr: string, at: number): number {
  const quote = expr[at];
  let i = at + 1;
  while (i < expr.length && expr[i] !== quote) i += expr[i] === '\\' ? 2 : 1;
  return i + 1;
}

function closing(expr: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let i = at; i < expr.length; i += 1) {
    const char = expr[i];
    if (char === '"' || char === "'" || char === '`') {
      i = skipString(expr, i) - 1;
      continue;
    }
    if (char === open) depth += 1;
    if (char === close && --depth === 0) return i;
  }
  throw new Error(`unbalanced ${open} in: ${expr}`);
}

function parseMatchers(body: string, where: string): Matcher[] {
  const matchers: Matcher[] = [];
  const pattern = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
  let at = 0;
  while (body.slice(at).trim() !== '') {
    pattern.lastIndex = at;
    const match = pattern.exec(body);
    if (!match) throw new Error(`${where}: cannot read the label matchers {${body}}`);
    matchers.push({ label: match[1]!, op: match[2] as Matcher['op'], value: match[3]! });
    at = pattern.lastIndex;
  }
  return matchers;
}

/** Every metric selector in a PromQL expression: names (not functions, keywords or Grafana variables) and matchers. */
export function selectorsIn({ expr, where }: Query): Selector[] {
  const selectors: Selector[] = [];
  let i = 0;
  while (i < expr.length) {
    const char = expr[i]!;
    if (char === '"' || char === "'" || char === '`') {
      i = skipString(expr, i);
    } else if (char === '[') {
      i = closing(expr, i, '[', ']') + 1; // a range or subquery duration
    } else if (char === '$') {
      // A Grafana variable: $job, ${datasource}, $__rate_interval.
      i += 1;
      if (expr[i] === '{') i = closing(expr, i, '{', '}') + 1;
      else while (i < expr.length && /[a-zA-Z0-9_]/.test(expr[i]!)) i += 1;
    } else if (/[0-9.]/.test(char)) {
      while (i < expr.length && /[0-9a-zA-Z_.+]/.test(expr[i]!) && !(expr[i] === '+' && !/[eE]/.test(expr[i - 1]!)))
        i += 1;
    } else if (char === '{') {
      throw new Error(`${where}: a selector without a metric name is not checked: ${expr}`);
    } else if (/[a-zA-Z_:]/.test(char)) {
      const start = i;
      while (i < expr.length && /[a-zA-Z0-9_:]/.test(expr[i]!)) i += 1;
      const word = expr.slice(start, i);
      let next = i;
      while (/\s/.test(expr[next] ?? '')) next += 1;
      if (GROUPING.has(word) && expr[next] === '(') {
        i = closing(expr, next, '(', ')') + 1; // label names, not metrics
      } else if (
        KEYWORDS.has(word.toLowerCase()) ||
        SET_OPERATORS.has(word) ||
        AGGREGATIONS.has(word) ||
        expr[next] === '('
      ) {
        // a keyword, or a function or aggregation applied to what follows
      } else if (expr[next] === '{') {
        const end = closing(expr, next, '{', '}');
        selectors.push({ metric: word, matchers: parseMatchers(expr.slice(next + 1, end), where), where });
        i = end + 1;
      } else {
        selectors.push({ metric: word, matchers: [], where });
      }
    } else {
      i += 1;
    }
  }
  return selectors;
}

export function readRules(path = repoFile(RULES_FILE)): RulesFile {
  return parse(readFileSync(path, 'utf8')) as RulesFile;
}

export const rulesOf = (file: RulesFile) => file.groups.flatMap((group) => group.rules);

/** The names the rules record: queries may use them as metrics. */
export const recordedNames = (file: RulesFile) =>
  new Set(rulesOf(file).flatMap((rule) => (rule.record ? [rule.record] : [])));

export function ruleQueries(file: RulesFile): Query[] {
  return rulesOf(file).map((rule) => ({ expr: rule.expr, where: rule.alert ?? rule.record ?? '(a rule)' }));
}

type DashboardTarget = { expr?: string; refId?: string };
type DashboardPanel = { title?: string; type?: string; targets?: DashboardTarget[]; panels?: DashboardPanel[] };
export type Dashboard = {
  panels?: DashboardPanel[];
  templating?: { list?: { name?: string; type?: string; query?: unknown }[] };
};

export function readDashboard(path = repoFile(DASHBOARD_FILE)): Dashboard {
  return JSON.parse(readFileSync(path, 'utf8')) as Dashboard;
}

/** Every panel, rows' nested panels included. */
export function panelsOf(dashboard: Dashboard): DashboardPanel[] {
  return (dashboard.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

/** The dashboard's PromQL: each target's expr, and the metric of each `label_values(metric, label)` variable. */
export function dashboardQueries(dashboard: Dashboard): Query[] {
  const targets = panelsOf(dashboard).flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) =>
      target.expr ? [{ expr: target.expr, where: `panel "${panel.title}" ${target.refId ?? ''}`.trim() }] : [],
    ),
  );
  const variables = (dashboard.templating?.list ?? []).flatMap((variable) => {
    const query = typeof variable.query === 'string' ? variable.query : '';
    const selector = /^label_values\((.+),\s*[a-zA-Z_][a-zA-Z0-9_]*\)$/.exec(query.trim())?.[1];
    return selector ? [{ expr: selector, where: `variable $${variable.name}` }] : [];
  });
  return [...targets, ...variables];
}

/** What a scrape exports: metric names (each histogram's _bucket, _sum and _count too) and label values by metric. */
export type Exported = { names: Set<string>; values: Map<string, Map<string, Set<string>>> };

export function exportedFrom(text: string): Exported {
  const names = new Set<string>();
  const values = new Map<string, Map<string, Set<string>>>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)/.exec(line);
    if (type) {
      const [, name, kind] = type;
      names.add(name!);
      if (kind === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
      if (kind === 'summary') for (const suffix of ['_sum', '_count']) names.add(`${name}${suffix}`);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? /.exec(line);
    if (!sample) continue;
    const [, name, labels = ''] = sample;
    names.add(name!);
    const byLabel = values.get(name!) ?? new Map<string, Set<string>>();
    values.set(name!, byLabel);
    for (const [, label, value] of labels.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      const known = byLabel.get(label!) ?? new Set<string>();
      known.add(value!);
      byLabel.set(label!, known);
    }
  }
  return { names, values };
}

/** Each labelled metric's closed list per label, by the name of the list in lib/metrics/metrics.ts. */
export const LABEL_LISTS: Record<string, Record<string, string>> = {
  tofaktor_reset_attempts_total: { channel: 'CHANNELS', outcome: 'OUTCOMES' },
  tofaktor_refusals_total: { channel: 'CHANNELS', step: 'REFUSAL_STEPS', reason: 'REFUSAL_REASONS' },
  tofaktor_graph_request_duration_seconds: { operation: 'GRAPH_OPERATIONS', status_class: 'STATUS_CLASSES' },
  tofaktor_rate_limit_hits_total: { limit: 'RATE_LIMITS' },
  tofaktor_passes_issued_total: { channel: 'CHANNELS' },
  tofaktor_notices_total: { channel: 'CHANNELS', result: 'NOTICE_RESULTS' },
  tofaktor_logins_failed_total: { reason: 'LOGIN_FAILURE_REASONS' },
  tofaktor_not_me_lockdowns_total: { channel: 'CHANNELS' },
  tofaktor_readiness_check: { check: 'READINESS_CHECKS' },
};

/**
 * The closed lists of lib/metrics/metrics.ts, read from its source (`export const NAME = [...] as const`): the
 * end-to-end test cannot import a server-only module. A unit test checks this reading against the module itself.
 */
export function closedListsIn(source: string): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [, name, body] of source.matchAll(/export const ([A-Z_]+) = \[([^\]]*)\] as const;/g)) {
    lists[name!] = [...body!.replace(/\/\/[^\n]*/g, '').matchAll(/'([^']*)'/g)].map((match) => match[1]!);
  }
  return lists;
}

/** What each metric's labels may be: the scrape's values, and the closed list where lib/metrics keeps one. */
function allowedValues(
  metric: string,
  label: string,
  exported: Exported,
  lists: Record<string, string[]>,
): Set<string> {
  const base = metric.replace(/_(bucket|sum|count)$/, '');
  const allowed = new Set<string>();
  for (const name of [metric, base]) {
    for (const value of exported.values.get(name)?.get(label) ?? []) allowed.add(value);
    const list = LABEL_LISTS[name]?.[label];
    for (const value of (list && lists[list]) ?? []) allowed.add(value);
  }
  return allowed;
}

/** Values a matcher names: the literal of = and !=, and each word of a plain alternation in =~ and !~. */
function namedValues(matcher: Matcher): string[] {
  if (matcher.value.includes('$')) return []; // a Grafana variable
  if (matcher.op === '=' || matcher.op === '!=') return [matcher.value];
  return /^[a-zA-Z0-9_.+-]+(\|[a-zA-Z0-9_.+-]+)*$/.test(matcher.value) ? matcher.value.split('|') : [];
}

export type CheckOptions = {
  exported: Exported;
  lists: Record<string, string[]>;
  /** Names the rules record, usable as metrics; their label values are those of any exported metric. */
  recorded: Set<string>;
  /** Metrics being added elsewhere and not declared yet, accepted while lib/metrics does not declare them. */
  awaited?: Record<string, string>;
  /** The source of lib/metrics/metrics.ts, to tell whether an awaited metric is declared by now. */
  metricsSource?: string;
};

/** Every metric or label value the queries name that the site does not export; empty when all is well. */
export function unknownNames(queries: Query[], options: CheckOptions): string[] {
  const { exported, lists, recorded, awaited = {}, metricsSource = '' } = options;
  const problems: string[] = [];
  const anyValue = (label: string) => {
    const values = new Set<string>();
    for (const byLabel of exported.values.values()) for (const value of byLabel.get(label) ?? []) values.add(value);
    for (const byLabel of Object.values(LABEL_LISTS))
      for (const value of lists[byLabel[label] ?? ''] ?? []) values.add(value);
    return values;
  };
  for (const query of queries) {
    for (const { metric, matchers, where } of selectorsIn(query)) {
      const isRecorded = recorded.has(metric);
      const isAwaited = metric in awaited && !metricsSource.includes(`'${metric}'`);
      if (!isRecorded && !isAwaited && !exported.names.has(metric)) {
        problems.push(`${where}: metric ${metric} is not exported`);
        continue;
      }
      if (isAwaited) continue;
      for (const matcher of matchers) {
        if (matcher.label === 'job' || matcher.label === 'instance') continue; // the scrape config's, not ours
        const allowed = isRecorded ? anyValue(matcher.label) : allowedValues(metric, matcher.label, exported, lists);
        for (const value of namedValues(matcher))
          if (!allowed.has(value)) problems.push(`${where}: ${metric}{${matcher.label}="${value}"} is never exported`);
      }
    }
  }
  return problems;
}

/** GitHub's anchor for a heading: lower case, punctuation but - and _ dropped, spaces to -. */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings (a repeated heading gets -1, -2 as on GitHub). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = githubSlug(heading[1]!.replace(/`/g, ''));
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** The metrics the kit may name before they exist here, with why (the lead wires them in). */
export const AWAITED_METRICS: Record<string, string> = {};

const DATASOURCE = '${datasource}';

/**
 * What keeps a dashboard from importing as it is, as Grafana's schema reads it: a title; panels with an id, a type
 * and a place; every query panel with targets that have a refId and an expr; the data source only ever the
 * `datasource` variable (of type datasource, for Prometheus), never a uid of one Grafana's data sources.
 */
export function dashboardProblems(dashboard: Dashboard & Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof dashboard.title !== 'string' || dashboard.title === '') problems.push('the dashboard has no title');
  if ('schemaVersion' in dashboard && typeof dashboard.schemaVersion !== 'number')
    problems.push('schemaVersion is not a number');
  const variables = dashboard.templating?.list ?? [];
  const datasource = variables.find((variable) => variable.name === 'datasource');
  if (datasource?.type !== 'datasource' || datasource.query !== 'prometheus')
    problems.push('templating.list has no variable "datasource" of type datasource for prometheus');
  const usesVariable = (where: string, value: unknown) => {
    const uid = (value as { uid?: unknown } | undefined)?.uid;
    if (uid !== DATASOURCE) problems.push(`${where}: data source ${JSON.stringify(value)}, not ${DATASOURCE}`);
  };
  for (const variable of variables)
    if (variable.type === 'query')
      usesVariable(`variable $${variable.name}`, (variable as { datasource?: unknown }).datasource);
  const panels = panelsOf(dashboard) as (Record<string, unknown> & {
    title?: string;
    type?: string;
    targets?: (DashboardTarget & { datasource?: unknown })[];
  })[];
  if (panels.length === 0) problems.push('the dashboard has no panels');
  const ids = new Set<unknown>();
  for (const panel of panels) {
    const where = `panel "${panel.title ?? panel.id}"`;
    if (typeof panel.id !== 'number' || ids.has(panel.id)) problems.push(`${where}: id missing or repeated`);
    ids.add(panel.id);
    if (typeof panel.type !== 'string' || panel.type === '') problems.push(`${where}: no type`);
    const place = panel.gridPos as Record<string, unknown> | undefined;
    if (!place || !['h', 'w', 'x', 'y'].every((key) => typeof place[key] === 'number'))
      problems.push(`${where}: no gridPos`);
    if (panel.type === 'row') continue;
    usesVariable(where, panel.datasource);
    if (!panel.targets?.length) problems.push(`${where}: no targets`);
    for (const target of panel.targets ?? []) {
      if (!target.refId) problems.push(`${where}: a target without a refId`);
      if (typeof target.expr !== 'string' || target.expr.trim() === '')
        problems.push(`${where} ${target.refId}: no expr`);
      if ('datasource' in target) usesVariable(`${where} ${target.refId}`, target.datasource);
    }
  }
  return problems;
}

export const SEVERITIES = ['critical', 'warning', 'info'];

/** Alerts without a severity label, or whose runbook is not README.md#<an anchor of README's headings>. */
export function runbookProblems(file: RulesFile, readme: string): string[] {
  const anchors = headingAnchors(readme);
  const problems: string[] = [];
  for (const rule of rulesOf(file)) {
    if (!rule.alert) continue;
    const { labels = {}, annotations = {} } = rule as Rule & { labels?: Record<string, string> };
    if (!SEVERITIES.includes(labels.severity ?? '')) problems.push(`${rule.alert}: severity ${labels.severity}`);
    const anchor = /^README\.md#(.+)$/.exec(annotations.runbook ?? '')?.[1];
    if (!anchor) problems.push(`${rule.alert}: runbook ${annotations.runbook} is not README.md#<heading>`);
    else if (!anchors.has(anchor)) problems.push(`${rule.alert}: README has no heading #${anchor}`);
  }
  return problems;
}
