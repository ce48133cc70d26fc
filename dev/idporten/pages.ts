// The ID-porten stand-in's pages: the test login, where one types a synthetic national identity number like in
// ID-porten's TestID, and the frame of its logout and error pages.

import { escapeHtml as esc } from '../stand-in-http/html';
import { htmlPage } from '../oidc-kit/page';
import { IDPORTEN_ACR_VALUES } from '../credentials';
import fixtureJson from '../graph/fixture.json';
import { TEXT, type Lang } from './texts';

export type Acr = (typeof IDPORTEN_ACR_VALUES)[number];

interface FixturePersonSummary {
  key: string;
  nationalId: string;
  description: string;
}

const people = (fixtureJson as { people: FixturePersonSummary[] }).people;

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
label{display:block;font-weight:600;margin-top:1rem}input[type=text],input[type=number],select{font-size:1rem;padding:.4rem;min-width:16rem}
.hint{color:#444;font-size:.9rem;margin:.1rem 0}.error{color:#b00020;font-weight:600}.checkbox label{display:inline;font-weight:400}
.checkbox{margin-top:1rem}button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1.2rem;margin-right:.5rem}
table{border-collapse:collapse;margin-top:.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.summary{border:2px solid #b00020;padding:.5rem 1rem}.badge{background:#fde68a;padding:.1rem .4rem;border-radius:.2rem}`;

export function idportenPage(lang: Lang, title: string, body: string, head = ''): string {
  return htmlPage({ lang, title, style: STYLE, body, head });
}

export function errorPage(lang: Lang, details: string): string {
  const t = TEXT[lang];
  return idportenPage(lang, t.errorTitle, `<h1>${t.errorHeading}</h1>${details}`);
}

export interface LoginFormState {
  pid: string;
  acr: string;
  minutesAgo: string;
  noPid: boolean;
  errors: { pid?: string; minutesAgo?: string; acr?: string };
}

export function loginPage(lang: Lang, uid: string, clientName: string, state: LoginFormState): string {
  const t = TEXT[lang];
  const errs = Object.entries(state.errors).filter(([, v]) => v) as [string, string][];
  const summary = errs.length
    ? `<div class="summary" role="alert" tabindex="-1"><h2>${t.errorSummary}</h2><ul>${errs
        .map(([field, msg]) => `<li><a href="#${field}">${esc(msg)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const fieldError = (field: keyof LoginFormState['errors']) =>
    state.errors[field] ? `<p class="error" id="${field}-error">${esc(state.errors[field])}</p>` : '';
  const describedBy = (field: keyof LoginFormState['errors'], extra?: string) => {
    const ids = [extra, state.errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const invalid = (field: keyof LoginFormState['errors']) => (state.errors[field] ? ' aria-invalid="true"' : '');
  const option = (value: Acr, label: string) =>
    `<option value="${value}"${state.acr === value ? ' selected' : ''}>${esc(label)}</option>`;
  const rows = people
    .map(
      (p) =>
        `<tr><td><code>${esc(p.key)}</code></td><td><code>${esc(p.nationalId)}</code></td><td>${esc(p.description)}</td></tr>`,
    )
    .join('\n');
  const body = `
<h1>${t.heading}</h1>
<p><span class="badge">TEST</span> ${t.intro}</p>
<p>${t.client} <strong>${esc(clientName)}</strong>.</p>
${summary}
<form method="post" action="/interaction/${esc(uid)}/login" novalidate>
  <label for="pid">${t.pid}</label>
  <p class="hint" id="pid-hint">${t.pidHint}</p>
  ${fieldError('pid')}
  <input type="text" id="pid" name="pid" inputmode="numeric" autocomplete="off" list="synthetic-people"
    value="${esc(state.pid)}"${describedBy('pid', 'pid-hint')}${invalid('pid')}>
  <datalist id="synthetic-people">${people.map((p) => `<option value="${esc(p.nationalId)}">${esc(p.key)}</option>`).join('')}</datalist>

  <label for="acr">${t.acr}</label>
  ${fieldError('acr')}
  <select id="acr" name="acr"${describedBy('acr')}${invalid('acr')}>
    ${option('idporten-loa-substantial', t.substantial)}
    ${option('idporten-loa-high', t.high)}
  </select>

  <label for="minutesAgo">${t.minutesAgo}</label>
  ${fieldError('minutesAgo')}
  <input type="number" id="minutesAgo" name="minutesAgo" min="0" step="1" value="${esc(state.minutesAgo)}"${describedBy('minutesAgo')}${invalid('minutesAgo')}>

  <div class="checkbox">
    <input type="checkbox" id="noPid" name="noPid" value="1"${state.noPid ? ' checked' : ''}>
    <label for="noPid">${t.noPid}</label>
  </div>

  <button type="submit">${t.submit}</button>
  <button type="submit" formaction="/interaction/${esc(uid)}/abort">${t.cancel}</button>
</form>
<section aria-labelledby="people-heading">
<h2 id="people-heading">${t.peopleHeading}</h2>
<table>
<thead><tr><th scope="col">${t.key}</th><th scope="col">${t.number}</th><th scope="col">${t.description}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
  return idportenPage(lang, state.errors && errs.length ? `${t.errorSummary} – ${t.title}` : t.title, body);
}
