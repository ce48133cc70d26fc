// An illustration's intrinsic size, read from its SVG when a guide is prerendered: an <img> with width and height
// has its box before the file arrives, so a long guide is laid out once instead of once more per picture (and
// nothing below a picture moves when it loads).
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type IntrinsicSize = { width: number; height: number };

const SVG_OPEN_TAG = /<svg\b[^>]*>/i;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]+)"`, 'i').exec(tag)?.[1];
}

/** The size an SVG declares: its width and height, else its viewBox. */
export function svgSize(svg: string): IntrinsicSize | undefined {
  const tag = SVG_OPEN_TAG.exec(svg)?.[0];
  if (!tag) return undefined;
  const width = Number(attribute(tag, 'width'));
  const height = Number(attribute(tag, 'height'));
  if (width > 0 && height > 0) return { width, height };
  const [, , boxWidth, boxHeight] = (attribute(tag, 'viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return boxWidth && boxHeight && boxWidth > 0 && boxHeight > 0 ? { width: boxWidth, height: boxHeight } : undefined;
}

/** The size of an illustration under public/ (`/illustrations/nb/x.svg`); a guide naming a missing one fails its build. */
export function illustrationSize(src: string): IntrinsicSize {
  if (!/^\/illustrations\/[a-z]{2}\/[a-z0-9-]+\.svg$/.test(src)) throw new Error(`not an illustration path: ${src}`);
  const size = svgSize(readFileSync(path.join(process.cwd(), 'public', src), 'utf8'));
  if (!size) throw new Error(`${src} declares neither width and height nor a viewBox`);
  return size;
}
