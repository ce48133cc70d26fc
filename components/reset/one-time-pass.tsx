'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

// References whose pass this document has already shown. Module state lives as long as the document, which is
// exactly as long as Next's client router may keep the page's payload for a back navigation.
const shown = new Set<string>();

/**
 * Shows `children` (the pass) on the first render only. The server already refuses to render the pass twice;
 * this covers the browser's own copies: Next's router cache restores a page on "back" without asking the server,
 * and the back/forward cache keeps the whole document. Leaving the page (unmount, or pagehide) blanks the pass and
 * any later render of the same reference gets `fallback` ("a pass was issued, valid until …").
 */
export function OneTimePass(props: { reference: string; fallback: ReactNode; children: ReactNode }) {
  const [hidden, setHidden] = useState(() => shown.has(props.reference));
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const { reference } = props;
    const blank = () => {
      shown.add(reference);
      // Synchronously, before the document is frozen into the back/forward cache.
      wrapper.current?.querySelectorAll('[data-one-time]').forEach((element) => (element.textContent = ''));
      setHidden(true);
    };
    window.addEventListener('pagehide', blank);
    return () => {
      window.removeEventListener('pagehide', blank);
      shown.add(reference);
    };
  }, [props]);

  return <div ref={wrapper}>{hidden ? props.fallback : props.children}</div>;
}
