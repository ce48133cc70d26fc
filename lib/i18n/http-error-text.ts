// Short texts for requests refused before any page renders (proxy.ts): plain text in the visitor's language.
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import nn from '@/messages/nn.json';
import type { Locale } from './routing';

const texts: Record<Locale, (typeof nb)['HttpErrors']> = { nb: nb.HttpErrors, nn: nn.HttpErrors, en: en.HttpErrors };

export type HttpErrorKey = keyof (typeof nb)['HttpErrors'];

export function httpErrorResponse(
  status: number,
  key: HttpErrorKey,
  locale: Locale,
  headers: Record<string, string>,
): Response {
  return new Response(texts[locale][key], {
    status,
    headers: {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Language': locale,
      'Cache-Control': 'no-store',
    },
  });
}
