import type { ReactNode } from 'react';

/**
 * A Temporary Access Pass on the one view that shows it: large, selectable in one click with CSS alone, under its
 * title and intro; what to do with it follows as children. The person's result page and the agent's share it.
 */
export function PassCard(props: {
  title: string;
  intro: string;
  label: string;
  pass: string;
  /** Marks the value for OneTimePass, which blanks it when the page is left (before the back/forward cache keeps it). */
  oneTime?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby="tap-heading"
      className="mt-8 rounded border-2 border-sky-800 bg-sky-50 p-4"
      data-testid="tap-shown"
    >
      <h2 id="tap-heading" className="text-2xl font-semibold">
        {props.title}
      </h2>
      <p className="mt-2">{props.intro}</p>
      <p className="mt-4">
        <span className="block font-semibold">{props.label}</span>
        {/* select-all: one click or tap selects the whole pass for copying, no script needed. */}
        <code
          data-testid="tap-value"
          data-one-time={props.oneTime ? true : undefined}
          className="mt-1 inline-block rounded border border-slate-400 bg-white px-4 py-2 font-mono text-3xl tracking-widest break-all select-all"
        >
          {props.pass}
        </code>
      </p>
      {props.children}
    </section>
  );
}
