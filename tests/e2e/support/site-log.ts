// Reads the JSON lines the site under test has logged (playwright.config.ts sends them to a file).
import { readFileSync } from 'node:fs';
import { E2E_LOG_FILE } from './site-env';

export type LogLine = Record<string, unknown> & { event?: string; msg?: string };

export function siteLogLines(): LogLine[] {
  return readFileSync(E2E_LOG_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The lines logged after `before` (a count from an earlier call) that match. */
export function newLines(before: number, match: (line: LogLine) => boolean): LogLine[] {
  return siteLogLines().slice(before).filter(match);
}

/** Waits a moment for the server to flush its log, then returns the matching new lines. */
export async function awaitNewLines(
  before: number,
  match: (line: LogLine) => boolean,
  atLeast = 1,
): Promise<LogLine[]> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const lines = newLines(before, match);
    if (lines.length >= atLeast) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return newLines(before, match);
}
