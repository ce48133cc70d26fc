import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

// Only getPathname: links are rendered on the server (components/localized-link.tsx), no client hooks.
export const { getPathname } = createNavigation(routing);
