import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

/** A note or a warning set apart from the guide text. */
export async function Callout(props: { type?: 'note' | 'warning'; title?: string; children: ReactNode }) {
  const t = await getTranslations('Callout');
  const type = props.type ?? 'note';
  const tone = type === 'warning' ? 'border-amber-700 bg-amber-50' : 'border-sky-700 bg-sky-50';
  return (
    <div role="note" className={`my-4 rounded border-l-4 p-4 ${tone}`}>
      <p className="my-0 font-semibold">{props.title ?? t(type)}</p>
      <div className="mt-1 [&>:last-child]:mb-0">{props.children}</div>
    </div>
  );
}
