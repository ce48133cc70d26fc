import { illustrationSize } from '@/lib/illustration-size';

/** An illustration with alt text and a visible caption, both in the page's language. */
export function Figure(props: { src: string; alt: string; caption?: string }) {
  const { width, height } = illustrationSize(props.src);
  return (
    <figure className="my-4">
      {/* Plain <img>: the SVGs are static files; next/image would add nothing but a client loader. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={props.src}
        alt={props.alt}
        width={width}
        height={height}
        loading="lazy"
        className="h-auto w-full max-w-xl rounded border border-slate-300 bg-white"
      />
      {props.caption ? <figcaption className="mt-1 text-sm text-slate-700">{props.caption}</figcaption> : null}
    </figure>
  );
}
