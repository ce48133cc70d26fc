/** @jest-environment node */
// Issue 30's operator's kit: the check that every metric and label value the rules and the dashboard name is
// exported rejects a wrong name (fixtures with deliberate mistakes) and accepts the kit against the site's own
// registry; the dashboard is one Grafana imports as it is; every runbook link is a README heading; every alert has a
// promtool case where it fires and one where it stays quiet. (The end-to-end metrics test runs the same check
// against a scrape of the running site after a scripted run.)
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as vocabulary from '@/lib/metrics/metrics';
import { countAttempt, countRefusal, metrics, observeGraphCall, setReadiness } from '@/lib/metrics/metrics';
import {
  AWAITED_METRICS,
  closedListsIn,
  dashboardProblems,
  dashboardQueries,
  exportedFrom,
  githubSlug,
  headingAnchors,
  LABEL_LISTS,
  METRICS_SOURCE,
  readDashboard,
  readRules,
  recordedNames,
  repoFile,
  ruleQueries,
  rulesOf,
  runbookProblems,
  selectorsIn,
  unknownNames,
  type Dashboard,
  type RulesFile,
} from '../e2e/support/ops-queries';

const FIXTURES = 'tests/unit/fixtures/ops';
const source = readFileSync(repoFile(METRICS_SOURCE), 'utf8');
const lists = closedListsIn(source);
const readme = readFileSync(repoFile('README.md'), 'utf8');

/** A scrape of this process' registry, after a little traffic. */
async function scrape() {
  countAttempt('self-service', 'success');
  countRefusal('self-service', 'confirm-page', 'no-account');
  observeGraphCall('find-accounts', 200, 0.2);
  setReadiness(true, { configuration: { ok: true } });
  return exportedFrom(await metrics().registry.metrics());
}

describe('reading PromQL', () => {
  it('finds metrics and matchers, not functions, keywords, label lists, durations or Grafana variables', () => {
    const expr =
      'histogram_quantile(0.95, sum by (job, le) (rate(a_bucket{job=~"$job", op="x"}[$__rate_interval]))) > 1e3 ' +
      'and on (job, instance) deriv(b[1h] offset 5m) > 0 unless c{s=~"5xx|no-response"} or sum without (le) (d)';
    expect(selectorsIn({ expr, where: 'here' }).map(({ metric, matchers }) => [metric, matchers])).toEqual([
      [
        'a_bucket',
        [
          { label: 'job', op: '=~', value: '$job' },
          { label: 'op', op: '=', value: 'x' },
        ],
      ],
      ['b', []],
      ['c', [{ label: 's', op: '=~', value: '5xx|no-response' }]],
      ['d', []],
    ]);
  });

  it('refuses what it cannot read rather than pass it unchecked', () => {
    expect(() => selectorsIn({ expr: '{__name__="x"}', where: 'here' })).toThrow(/without a metric name/);
    expect(() => selectorsIn({ expr: 'x{a=b}', where: 'here' })).toThrow(/cannot read the label matchers/);
  });

  it('reads the closed lists of lib/metrics from its source exactly as the module exports them', () => {
    const named = new Set(Object.values(LABEL_LISTS).flatMap((byLabel) => Object.values(byLabel)));
    for (const name of named) expect([name, lists[name]]).toEqual([name, [...(vocabulary as never)[name]]]);
  });
});

describe('the metric-name check', () => {
  it('passes on the kit as it is, against the site’s own registry', async () => {
    const rules = readRules();
    const problems = unknownNames([...ruleQueries(rules), ...dashboardQueries(readDashboard())], {
      exported: await scrape(),
      lists,
      recorded: recordedNames(rules),
      awaited: AWAITED_METRICS,
      metricsSource: source,
    });
    expect(problems).toEqual([]);
  });

  it('rejects a renamed metric and a misspelled label value in a rules file', async () => {
    const rules = readRules(repoFile(`${FIXTURES}/wrong-names.rules.yml`));
    expect(unknownNames(ruleQueries(rules), { exported: await scrape(), lists, recorded: new Set() })).toEqual([
      'RenamedMetric: metric tofaktor_reset_attempt_total is not exported',
      'MisspelledOutcome: tofaktor_reset_attempts_total{outcome="sucess"} is never exported',
    ]);
  });

  it('rejects a renamed histogram and a label a metric does not have in a dashboard', async () => {
    const dashboard = readDashboard(repoFile(`${FIXTURES}/wrong-names.dashboard.json`));
    expect(unknownNames(dashboardQueries(dashboard), { exported: await scrape(), lists, recorded: new Set() })).toEqual(
      [
        'panel "A renamed histogram" A: metric tofaktor_graph_duration_seconds_count is not exported',
        'panel "A hard-coded data source" A: tofaktor_ready{check="schema"} is never exported',
      ],
    );
  });

  it('breaks when a metric the real rules name is renamed in the site', async () => {
    const exported = await scrape();
    exported.names.delete('tofaktor_notices_total');
    const rules = readRules();
    expect(
      unknownNames(ruleQueries(rules), {
        exported,
        lists,
        recorded: recordedNames(rules),
        awaited: AWAITED_METRICS,
        metricsSource: source,
      }),
    ).toEqual(['TofaktorNoticesFailing: metric tofaktor_notices_total is not exported']);
  });

  it('accepts an awaited metric only until lib/metrics declares it, then wants it exported', () => {
    const query = [{ expr: 'increase(tofaktor_resets_recovered_total[15m]) > 0', where: 'awaited' }];
    const awaited = { tofaktor_resets_recovered_total: 'named by the kit before the site declares it' };
    const options = { exported: exportedFrom(''), lists, recorded: new Set<string>(), awaited };
    expect(unknownNames(query, { ...options, metricsSource: '' })).toEqual([]);
    expect(unknownNames(query, { ...options, metricsSource: "name: 'tofaktor_resets_recovered_total'" })).toEqual([
      'awaited: metric tofaktor_resets_recovered_total is not exported',
    ]);
  });
});

describe('the dashboard', () => {
  it('is a Grafana dashboard that imports as it is, with the datasource variable as its only data source', () => {
    const dashboard = readDashboard() as Dashboard & Record<string, unknown>;
    expect(dashboardProblems(dashboard)).toEqual([]);
    expect(JSON.stringify(dashboard)).not.toMatch(/"uid":\s*"(?!\$\{datasource\}|tofaktor")/);
    const titles = (dashboard.panels ?? []).map((panel) => panel.title);
    for (const topic of [
      /Reset attempts by outcome and channel/,
      /Refusals by reason/,
      /Graph p95 latency by operation/,
      /Graph errors .* by operation/,
      /Notices/,
      /Temporary Access Passes/,
      /logins that did not become a session/,
      /stopped by a limit/,
      /Readiness/,
      /Process memory/,
      /Event-loop lag/,
    ])
      expect(titles.some((title) => topic.test(title ?? ''))).toBe(true);
  });

  it('rejects a panel with a hard-coded data source', () => {
    const wrong = readDashboard(repoFile(`${FIXTURES}/wrong-names.dashboard.json`)) as Dashboard &
      Record<string, unknown>;
    expect(dashboardProblems(wrong)).toEqual([
      'panel "A renamed histogram": no gridPos',
      'panel "A hard-coded data source": no gridPos',
      'panel "A hard-coded data source": data source {"type":"prometheus","uid":"P1809F7CD0C75ACF3"}, not ${datasource}',
    ]);
  });
});

describe('the rules', () => {
  const rules = readRules();
  const alerts = rulesOf(rules).filter((rule) => rule.alert);

  it('link every alert to a README heading, with a severity', () => {
    expect(alerts.length).toBeGreaterThanOrEqual(14);
    expect(runbookProblems(rules, readme)).toEqual([]);
  });

  it('catch a runbook link to a heading README does not have', () => {
    const wrong = readRules(repoFile(`${FIXTURES}/wrong-names.rules.yml`));
    expect(runbookProblems(wrong, readme)).toEqual(['NoSuchHeading: README has no heading #no-such-heading']);
  });

  it('make anchors as GitHub does', () => {
    expect(githubSlug('"This wasn\'t me" lock-downs')).toBe('this-wasnt-me-lock-downs');
    expect(githubSlug('ID-porten unavailable')).toBe('id-porten-unavailable');
    expect(headingAnchors('# A\n```\n# not a heading\n```\n## A\n### `code` here')).toEqual(
      new Set(['a', 'a-1', 'code-here']),
    );
  });

  it('have a promtool case where each alert fires and one where it stays quiet', () => {
    type Case = { alertname: string; exp_alerts?: unknown[] };
    const file = parse(readFileSync(repoFile('ops/prometheus/alerts.test.yml'), 'utf8')) as {
      rule_files: string[];
      tests: { alert_rule_test?: Case[] }[];
    };
    expect(file.rule_files).toEqual(['alerts.yml']);
    const cases = file.tests.flatMap((test) => test.alert_rule_test ?? []);
    for (const { alert } of alerts) {
      const mine = cases.filter((one) => one.alertname === alert);
      expect([alert, mine.some((one) => (one.exp_alerts ?? []).length > 0)]).toEqual([alert, true]);
      expect([alert, mine.some((one) => (one.exp_alerts ?? []).length === 0)]).toEqual([alert, true]);
    }
  });

  it('recording rules follow level:metric:operations and are each used by an alert or the dashboard', () => {
    const used = [...ruleQueries(rules), ...dashboardQueries(readDashboard())].map((query) => query.expr).join('\n');
    for (const name of recordedNames(rules as RulesFile)) {
      expect(name).toMatch(/^[a-z_]+:tofaktor_[a-z0-9_]+:[a-z0-9_]+$/);
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect([name, new RegExp(`${escaped}(?![a-z0-9_:])`).test(used)]).toEqual([name, true]);
    }
  });
});
