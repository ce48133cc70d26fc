import { notFound } from 'next/navigation';

// Any path under a known locale that no route claims: the localized 404 page.
export default function UnknownPage() {
  notFound();
}
