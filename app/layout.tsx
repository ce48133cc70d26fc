import type { ReactNode } from 'react';

// The real root layout is app/[locale]/layout.tsx (it owns <html lang>); this one only exists
// so that app/not-found.tsx can answer paths whose locale is unknown.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
