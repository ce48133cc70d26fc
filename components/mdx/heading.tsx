import { Children, type ComponentProps, type ReactNode } from 'react';
import { withSoftHyphens } from '@/lib/i18n/soft-hyphens';

/** The text parts of a heading with soft hyphens in long compounds; elements inside are left as they are. */
export function hyphenated(children: ReactNode): ReactNode {
  return Children.map(children, (child) => (typeof child === 'string' ? withSoftHyphens(child) : child));
}

/** A guide's `##` heading, which may break inside a long Norwegian compound only with a hyphen. */
export function SectionHeading(props: ComponentProps<'h2'>) {
  return <h2 {...props}>{hyphenated(props.children)}</h2>;
}

/** A guide's `###` heading, likewise. */
export function SubsectionHeading(props: ComponentProps<'h3'>) {
  return <h3 {...props}>{hyphenated(props.children)}</h3>;
}
