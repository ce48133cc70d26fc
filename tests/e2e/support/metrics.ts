// Reads the main site's metrics listener and compares two readings.
import { E2E_METRICS } from './site-env';

export type Scrape = { text: string; samples: Map<string, number> };

/** One reading: the whole text, and each sample by its series (`name{label="value",...}`). */
export async function scrapeMetrics(token: string | null = E2E_METRICS.token): Promise<Scrape> {
  const response = await fetch(E2E_METRICS.url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!response.ok) throw new Error(`metrics answered ${response.status}`);
  const text = await response.text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { text, samples };
}

/** What moved between two readings, for series whose name starts with `prefix` and matches `filter`. */
export function movedBetween(
  before: Scrape,
  after: Scrape,
  prefix: string,
  filter: (series: string) => boolean = () => true,
): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const [series, value] of after.samples) {
    if (!series.startsWith(prefix) || !filter(series)) continue;
    const delta = value - (before.samples.get(series) ?? 0);
    if (delta !== 0) moved[series] = delta;
  }
  return moved;
}
