// Both Auth.js instances (the ID-porten login and the console's staff login) build their URLs (redirect_uri,
// callback and redirect targets) from AUTH_URL's origin when it is set, and from the request's Host or
// X-Forwarded-Host otherwise. AUTH_URL is one process-wide variable, so it is pinned to APP_ORIGIN at start and
// again by each instance's configuration: no header a client sends can move a login to another host, whichever
// login a fresh process serves first. APP_ORIGIN stays the one setting an operator gives.
import 'server-only';

export function pinAuthUrlToAppOrigin(appOrigin: string): void {
  // The origin alone: each instance keeps its own basePath (/api/auth, /api/staff-auth), and Auth.js warns on
  // every console sign-in when AUTH_URL's path names the other one.
  process.env.AUTH_URL = appOrigin;
}
