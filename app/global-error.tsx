'use client';
// Errors in the root layout itself, where no localized frame exists: every language, nothing of the error.
// Its strings live in their own small file, because this component ships with every page.
import texts from '@/messages/global-error.json';
import './globals.css';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="nb">
      <body>
        <main id="main" className="mx-auto max-w-3xl px-4 py-12">
          {Object.entries(texts).map(([locale, text], index) => (
            <section key={locale} lang={locale} className={index === 0 ? undefined : 'mt-10'}>
              {index === 0 ? (
                <h1 className="text-3xl font-bold">{text.title}</h1>
              ) : (
                <h2 className="text-2xl font-bold">{text.title}</h2>
              )}
              <p className="mt-4">{text.text}</p>
              {error.digest ? (
                <p className="mt-4">
                  {text.reference}: <code>{error.digest}</code>
                </p>
              ) : null}
              <p className="mt-4">
                <a href={`/${locale}`} className="underline underline-offset-4">
                  {text.home}
                </a>
              </p>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
