// The public origin the build was made for. next.config.ts writes it into every bundle at build time (Next's
// `env`), so the prerendered HTML, pages rendered later, the proxy's Link header and the sitemap all name the
// same origin, whatever an instance's environment says; outside a Next build it is read from the settings.
import { bakedPublicOrigin, getBuildSettings } from '@/lib/config';

export function builtPublicOrigin(): string {
  return bakedPublicOrigin() ?? getBuildSettings().publicOrigin;
}
