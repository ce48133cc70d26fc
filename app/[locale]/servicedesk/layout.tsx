import type { ReactNode } from 'react';

// The console is rendered per request, always: it depends on the staff session and on settings read at start,
// never on the build (which has no environment).
export const dynamic = 'force-dynamic';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return children;
}
