import type { ReactNode } from 'react';
import { withSoftHyphens } from '@/lib/i18n/soft-hyphens';

/** A question that opens to its answer; `<details>` needs no JavaScript. */
export function Faq(props: { id: string; question: string; children: ReactNode }) {
  return (
    <details id={props.id} className="group my-3 scroll-mt-4 rounded border border-slate-300 bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center px-4 py-2 font-semibold">
        {withSoftHyphens(props.question)}
      </summary>
      <div className="border-t border-slate-200 px-4 py-1">{props.children}</div>
    </details>
  );
}
