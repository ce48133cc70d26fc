'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

// References whose pass the person has closed ("I have written it down") in this document. Module state lives as
// long as the document, which is exactly as long as Next's client router may keep the page's payload for "back".
const closed = new Set<string>();

/** Marks a pass as closed in this document, before the form that closes it on the server is sent. */
export function closePassInThisDocument(reference: string): void {
  closed.add(reference);
}

/**
 * Shows `children` (the pass) while the server says it is open. The server is the only judge: it renders the pass
 * on every view until the person has written it down or signed out. This wrapper covers the browser's own copies:
 * Next's router cache may restore an older payload on "back" (then a closed pass stays hidden), and the back/forward
 * cache keeps the whole document (the pass is blanked when the page is left, and a restored page asks the server
 * again, which shows the pass only if it is still open).
 */
export function OneTimePass(props: { reference: string; fallback: ReactNode; children: ReactNode }) {
  const [hidden] = useState(() => closed.has(props.reference));
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const blank = () => {
      // Synchronously, before the document is frozen into the back/forward cache.
      wrapper.current?.querySelectorAll('[data-one-time]').forEach((element) => (element.textContent = ''));
    };
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload();
    };
    window.addEventListener('pagehide', blank);
    window.addEventListener('pageshow', restored);
    return () => {
      window.removeEventListener('pagehide', blank);
      window.removeEventListener('pageshow', restored);
    };
  }, []);

  return <div ref={wrapper}>{hidden ? props.fallback : props.children}</div>;
}

/**
 * The "I have written it down" form: a plain POST to a route handler, so the browser loads a fresh document (without
 * or with JavaScript); it also closes the pass in this document for Next's router cache.
 */
export function AcknowledgePassForm(props: { reference: string; children: ReactNode }) {
  return (
    <form
      method="post"
      action="/api/reset/pass-written-down"
      onSubmit={() => closePassInThisDocument(props.reference)}
      className="mt-4"
    >
      {props.children}
    </form>
  );
}
