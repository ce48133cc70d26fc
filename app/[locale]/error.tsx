'use client';
// Unexpected errors inside a page: the person's language, the service desk, a reference to quote (Next's
// digest, which instrumentation.ts logs with the error), and nothing of the error itself.
import { useErrorTexts } from '@/components/error-texts';

export default function LocalizedError({ error }: { error: Error & { digest?: string } }) {
  const texts = useErrorTexts();
  if (!texts) return null;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">{texts.title}</h1>
      <p className="mt-4">{texts.text}</p>
      <p className="mt-4">{texts.tryAgain}</p>
      {error.digest ? (
        <p className="mt-4">
          {texts.reference}: <code data-testid="error-reference">{error.digest}</code>
        </p>
      ) : null}
      <ul className="mt-6 list-disc pl-6">
        <li>
          <a href={texts.serviceDeskUrl} className="underline underline-offset-4">
            {texts.serviceDesk}
          </a>
        </li>
        <li>
          <a href={texts.homeHref} className="underline underline-offset-4">
            {texts.home}
          </a>
        </li>
      </ul>
    </main>
  );
}
