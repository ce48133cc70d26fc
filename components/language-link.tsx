/**
 * A plain link to this page in another language. On a guide, public/keep-anchor.js also carries the reader's step
 * anchor across (GuidePage loads it); the link works the same without it.
 */
export function LanguageLink(props: { href: string; hrefLang: string; lang: string; label: string; children: string }) {
  return (
    <a
      href={props.href}
      hrefLang={props.hrefLang}
      lang={props.lang}
      aria-label={props.label}
      data-keeps-anchor=""
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded px-3 font-semibold underline underline-offset-4 hover:bg-sky-100"
    >
      {props.children}
    </a>
  );
}
