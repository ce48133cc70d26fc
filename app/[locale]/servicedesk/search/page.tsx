import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleGate, consoleHref, consoleMetadata } from '@/components/console/console-gate';
import { searchPeopleForAgent } from '@/lib/wiring/service-desk';
import { consolePageAccess } from '@/lib/console/page-access';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/search',
    'searchTitle',
    'searchDescription',
  );
}

async function Results(props: { locale: Locale; query: string }) {
  const { locale, query } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const result = await searchPeopleForAgent(query);
  if (result.kind === 'invalid')
    return (
      <p className="mt-6 font-semibold" id="search-error">
        {t('searchInvalid')}
      </p>
    );
  if (result.kind === 'directory-error') return <p className="mt-6 font-semibold">{t('searchError')}</p>;
  if (result.matches.length === 0)
    return (
      <p className="mt-6" data-testid="search-none">
        {t('searchNone', { query })}
      </p>
    );
  return (
    <section aria-labelledby="results-heading" className="mt-8">
      <h2 id="results-heading" className="text-2xl font-semibold">
        {t('searchResults', { count: result.matches.length, query })}
      </h2>
      <ul className="mt-3 space-y-2" data-testid="search-results">
        {result.matches.map((match) => (
          <li key={match.id} className="rounded border border-slate-300 bg-white px-4 py-3">
            <span className="font-semibold">{match.displayName}</span>{' '}
            <span className="text-slate-700">{match.maskedUpn}</span>
            <span className="mt-1 block">
              <a
                href={consoleHref(locale, '/servicedesk/reset', { account: match.id })}
                className="underline underline-offset-4"
              >
                {t('resetLink', { name: match.displayName })}
              </a>
            </span>
          </li>
        ))}
      </ul>
      {result.more ? (
        <p className="mt-4" data-testid="search-more">
          {t('searchMore')}
        </p>
      ) : null}
    </section>
  );
}

export default async function ConsoleSearchPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Console' });
  const query = ((await searchParams).q ?? '').slice(0, 100);
  return (
    <ConsoleGate
      locale={locale}
      pathname="/servicedesk/search"
      access={await consolePageAccess(['agent'])}
      title={t('searchTitle')}
    >
      {() => (
        <>
          <h1 className="text-3xl font-bold">{t('searchTitle')}</h1>
          {/* A GET form: the search is a link the agent can reload, and it works without JavaScript. */}
          <form method="get" className="mt-6" role="search">
            <label htmlFor="q" className="block font-semibold">
              {t('searchLabel')}
            </label>
            <p id="q-hint" className="text-slate-700">
              {t('searchHint')}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <input
                id="q"
                name="q"
                type="search"
                defaultValue={query}
                minLength={3}
                maxLength={64}
                autoComplete="off"
                aria-describedby="q-hint"
                className="min-h-11 w-full max-w-md rounded border border-slate-500 px-3"
              />
              <button
                type="submit"
                className="inline-flex min-h-11 items-center rounded bg-sky-800 px-5 py-2 font-semibold text-white hover:bg-sky-900"
              >
                {t('searchButton')}
              </button>
            </div>
          </form>
          {query ? <Results locale={locale} query={query} /> : null}
        </>
      )}
    </ConsoleGate>
  );
}
