import { Children, isValidElement, type ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { withSoftHyphens } from '@/lib/i18n/soft-hyphens';

/** An ordered list of guide steps; each `Step` carries its own stable anchor. */
export function Steps(props: { children: ReactNode }) {
  // A guide may split its steps over several lists; numbering continues from the first step's id.
  const first = Children.toArray(props.children).find(isValidElement) as { props: { id?: unknown } } | undefined;
  const start = typeof first?.props.id === 'string' ? Number(first.props.id.replace(/^step-/, '')) || 1 : 1;
  return (
    <ol start={start} className="my-6 list-none space-y-6 ps-0">
      {props.children}
    </ol>
  );
}

/** One numbered step. `id` is `step-N`, the same in every language, so links and the language switch can target it. */
export async function Step(props: { id: string; title: string; children?: ReactNode }) {
  const t = await getTranslations('Guide');
  const number = Number(props.id.replace(/^step-/, ''));
  return (
    <li
      id={props.id}
      className="scroll-mt-4 rounded border border-slate-300 bg-white p-4 target:border-sky-700 target:ring-2 target:ring-sky-700"
    >
      <h3 className="my-0 flex items-baseline gap-3 text-lg font-semibold">
        <span className="inline-flex h-8 min-w-8 shrink-0 items-center justify-center rounded-full bg-sky-800 px-2 text-white">
          <span className="sr-only">{t('stepNumber', { number })} </span>
          <span aria-hidden="true">{number}</span>
        </span>
        <span>{withSoftHyphens(props.title)}</span>
      </h3>
      <div className="mt-2 [&>:first-child]:mt-0 [&>:last-child]:mb-0">{props.children}</div>
      <p className="mb-0 mt-2 text-sm">
        <a href={`#${props.id}`} className="inline-flex min-h-6 underline underline-offset-4">
          {t('stepLink', { number })}
        </a>
      </p>
    </li>
  );
}
