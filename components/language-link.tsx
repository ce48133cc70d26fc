'use client';

/** A plain link to this page in another language; with JavaScript it also carries the current step anchor. */
export function LanguageLink(props: { href: string; hrefLang: string; lang: string; label: string; children: string }) {
  return (
    <a
      href={props.href}
      hrefLang={props.hrefLang}
      lang={props.lang}
      aria-label={props.label}
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded px-3 font-semibold underline underline-offset-4 hover:bg-sky-100"
      onClick={(event) => {
        const hash = window.location.hash;
        // Step and FAQ anchors are the same in every language, so the reader lands where they were.
        // Only plain anchor names are carried over, never anything else a URL fragment might hold.
        if (/^#[a-z0-9-]+$/.test(hash)) {
          event.currentTarget.href = `${props.href}${hash}`;
        }
      }}
    >
      {props.children}
    </a>
  );
}
