// Grades one HTTP response with the MDN HTTP Observatory's own tests and scoring (algorithm v4), as if it
// had been served over https at `publicUrl`. The Observatory's scanner fetches a live host on ports 80 and
// 443; here the site runs on a local port, so this builds the scanner's input from a real response instead.
// What is left out, and why: the http→https redirect belongs to the TLS-terminating proxy in front (no
// http response is given, which the Observatory grades as "not needed"); the HSTS preload list is empty,
// which is exact for a host nobody has preloaded.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = path.join(process.cwd(), 'node_modules', '@mdn', 'mdn-http-observatory');

export type Grade = { grade: string; score: number; failed: { test: string; result: string; modifier: number }[] };

type ObservatoryOutput = {
  result: string | null;
  pass: boolean | null;
  scoreModifier: number | null;
  constructor: { name: string };
};

export async function gradeResponse(response: Response, publicUrl: string): Promise<Grade> {
  // Its install script downloads Chromium's preload list; that cannot run here (no internet), so it was skipped.
  const preloadList = path.join(PACKAGE, 'conf', 'hsts-preload.json');
  if (!existsSync(preloadList)) writeFileSync(preloadList, '{}');

  const [{ AxiosHeaders }, { CookieJar }, types, constants, grader, charts, utils] = await Promise.all([
    import('axios'),
    import('tough-cookie'),
    import(path.join(PACKAGE, 'src/types.js')),
    import(path.join(PACKAGE, 'src/constants.js')),
    import(path.join(PACKAGE, 'src/grader/grader.js')),
    import(path.join(PACKAGE, 'src/grader/charts.js')),
    import(path.join(PACKAGE, 'src/retriever/utils.js')),
  ]);

  const body = await response.text();
  const url = new URL(publicUrl);
  const headers = new AxiosHeaders();
  response.headers.forEach((value: string, name: string) => {
    if (name !== 'set-cookie') headers.set(name, value);
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers.set('set-cookie', setCookies);
  const jar = new CookieJar();
  for (const cookie of setCookies) jar.setCookieSync(cookie, url.href);

  const requests = new types.Requests(url.hostname);
  const graded = {
    headers,
    request: { headers: new AxiosHeaders() },
    status: response.status,
    statusText: response.statusText,
    verified: true,
    data: body,
    config: { headers: new AxiosHeaders() },
    httpEquiv: utils.parseHttpEquivHeaders(body, url.href),
  };
  requests.responses.auto = graded;
  requests.responses.https = graded;
  requests.responses.cors = { ...graded, headers: new AxiosHeaders() };
  requests.resources.path = body;
  requests.session = { url, jar };

  let scoreWithExtraCredit = 100;
  let uncurvedScore = 100;
  const failed: Grade['failed'] = [];
  for (const test of constants.ALL_TESTS as ((requests: unknown) => ObservatoryOutput)[]) {
    const output = test(requests);
    if (!output.result) continue;
    const modifier = grader.getScoreModifier(output.result) as number;
    scoreWithExtraCredit += modifier;
    if (modifier < 0) uncurvedScore += modifier;
    if (!output.pass) failed.push({ test: output.constructor.name, result: output.result, modifier });
  }
  const score = uncurvedScore >= charts.MINIMUM_SCORE_FOR_EXTRA_CREDIT ? scoreWithExtraCredit : uncurvedScore;
  const { grade } = grader.getGradeForScore(score) as { grade: string };
  return { grade, score, failed };
}
