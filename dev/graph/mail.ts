// POST /users/{sender}/sendMail: the site's notices, captured and never delivered; GET /mail shows them to
// whoever runs the demo.
import type http from 'node:http';
import { z } from 'zod';
import { escapeHtml } from '../stand-in-http/html';
import { graphError, methodNotAllowed, type GraphResponse, type GraphRoute } from './graph-messages';
import { requireRole, ROLES_SEND_MAIL } from './permissions';
import { SERVICE_MAILBOXES, type CapturedMail } from './state';

const recipientsSchema = z
  .array(z.object({ emailAddress: z.object({ address: z.string().email(), name: z.string().optional() }) }))
  .optional();
const sendMailSchema = z.object({
  message: z.object({
    subject: z.string().optional(),
    body: z.object({ contentType: z.enum(['Text', 'HTML', 'text', 'html']), content: z.string() }),
    toRecipients: recipientsSchema,
    ccRecipients: recipientsSchema,
    bccRecipients: recipientsSchema,
  }),
  saveToSentItems: z.boolean().optional(),
});

const addresses = (list: z.output<typeof recipientsSchema>) => (list ?? []).map((r) => r.emailAddress.address);

/** Graph answers 202 Accepted with no body; the stand-in keeps the message for tests and the demo page. */
export const sendMail: GraphRoute = ({ req, roles, lower, segments, state }): GraphResponse | undefined => {
  if (lower.length !== 3 || lower[2] !== 'sendmail') return undefined;
  if (req.method !== 'POST') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_SEND_MAIL);
  if (denied) return denied;
  const sender = segments[1]!;
  if (!SERVICE_MAILBOXES.some((box) => box.toLowerCase() === sender.toLowerCase()) && !state.findUser(sender)) {
    return graphError(req, 404, 'ErrorInvalidUser', `The requested user '${sender}' is invalid.`);
  }
  const parsed = sendMailSchema.safeParse(req.body);
  if (!parsed.success) return graphError(req, 400, 'ErrorInvalidRequest', 'Cannot read the request body.');
  const { message } = parsed.data;
  const to = addresses(message.toRecipients);
  const cc = addresses(message.ccRecipients);
  const bcc = addresses(message.bccRecipients);
  if (to.length + cc.length + bcc.length === 0) {
    return graphError(
      req,
      400,
      'ErrorInvalidRecipients',
      'At least one recipient is not valid., Recipient is missing.',
    );
  }
  state.mailbox.push({
    receivedAt: new Date().toISOString(),
    sender,
    subject: message.subject ?? '',
    contentType: message.body.contentType,
    content: message.body.content,
    toRecipients: to,
    ccRecipients: cc,
    bccRecipients: bcc,
    saveToSentItems: parsed.data.saveToSentItems ?? true,
  });
  return { status: 202, headers: {} };
};

/** The demo's view of the captured notices: what the person would have received, newest first. */
export function mailPage(res: http.ServerResponse, mailbox: CapturedMail[]): void {
  const items = [...mailbox]
    .reverse()
    .map(
      (mail) => `<article><h2>${escapeHtml(mail.subject)}</h2>
<p><b>From</b> ${escapeHtml(mail.sender)} · <b>To</b> ${escapeHtml([...mail.toRecipients, ...mail.ccRecipients, ...mail.bccRecipients].join(', '))} · ${escapeHtml(mail.receivedAt)}</p>
<pre>${escapeHtml(mail.content)}</pre></article>`,
    )
    .join('\n');
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Captured mail (Graph stand-in)</title>
<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}</style>
<h1>Captured mail</h1><p>Messages the site sent through POST /users/{sender}/sendMail. Nothing leaves this machine. JSON: <a href="/_admin/mail">/_admin/mail</a>.</p>
${items || '<p>No messages yet.</p>'}</html>`);
}
