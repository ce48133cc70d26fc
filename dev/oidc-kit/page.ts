import { escapeHtml } from '../stand-in-http/html';

/** A whole page of a stand-in's own (login, logout, error): self-contained, no external resources. */
export function htmlPage(page: { lang: string; title: string; style: string; body: string; head?: string }): string {
  return `<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
${page.head ?? ''}
</head>
<body>
<main>
${page.body}
</main>
</body>
</html>`;
}

/**
 * The body of a logout page that asks no question, as ID-porten and Entra ID sign out at once: oidc-provider's
 * confirmation form, answered yes and submitted by script, with a visible button for a browser without JavaScript.
 */
export function autoSubmittedLogoutBody(form: string, heading: string, buttonLabel: string): string {
  const answeredYes = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  return `<h1>${heading}</h1>
${answeredYes}
<button type="submit" form="op.logoutForm">${buttonLabel}</button>
<script>document.forms[0].submit()</script>`;
}
