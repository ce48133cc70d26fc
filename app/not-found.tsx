import { headers } from 'next/headers';
import nb from '@/messages/nb.json';
import en from '@/messages/en.json';
import './globals.css';

// Paths outside /nb and /en (an unknown locale) land here: answer in the visitor's language.
export default async function RootNotFound() {
  const acceptLanguage = (await headers()).get('accept-language') ?? '';
  const prefersEnglish = /^\s*en\b/i.test(acceptLanguage);
  const locale = prefersEnglish ? 'en' : 'nb';
  const messages = prefersEnglish ? en : nb;
  return (
    <html lang={locale}>
      <head>
        <title>{`${messages.NotFound.title} – ${messages.Site.name}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <main id="main" className="mx-auto max-w-3xl px-4 py-12">
          <h1 className="text-3xl font-bold">{messages.NotFound.title}</h1>
          <p className="mt-4">{messages.NotFound.description}</p>
          <p className="mt-4">
            <a href={`/${locale}`} className="underline">
              {messages.NotFound.home}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
