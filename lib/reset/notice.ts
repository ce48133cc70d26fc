// The e-mail a person gets after every reset that removed something, in the language they used on the site.
// Plain text, written per language (not translated word by word). It names what was removed, when, and the
// reference, says truthfully who did it (the person after ID-porten, or the IT service desk after an identity check
// of a named kind), and tells someone who did not do this how to undo it ("this wasn't me") or reach the desk. It
// never carries a Temporary Access Pass or a national identity number.
import type { AuthMethodType, MailMessage } from '@/lib/directory/directory';
import { formatDateTime } from '@/lib/i18n/date-format';
import type { VerificationKind } from '@/lib/records/vocabulary';

/** Every language an e-mail can be written in; `nn` is ready for the site's nynorsk pages. */
export const NOTICE_LOCALES = ['nb', 'nn', 'en'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

export type ServiceDeskContact = { url: string; email?: string; phone?: string };

/** Who did the reset, as the notice tells it: the person after ID-porten, or the desk after an identity check. */
export type NoticeChannel = { kind: 'self-service' } | { kind: 'service-desk'; verification: VerificationKind };

export type NoticeFacts = {
  locale: NoticeLocale;
  displayName: string;
  removed: { type: AuthMethodType; label: string }[];
  at: Date;
  reference: string;
  serviceDesk: ServiceDeskContact;
  /** Self-service when absent. */
  channel?: NoticeChannel;
  /** The "this wasn't me" page in the person's language: a plain address, no secret, nothing about the person. */
  notMeUrl?: string;
};

type Template = {
  intlLocale: string;
  subject: string;
  greeting: (name: string) => string;
  happened: (when: string) => string;
  happenedAtDesk: (when: string, document: string) => string;
  documents: Record<VerificationKind, string>;
  removedHeading: string;
  method: Record<AuthMethodType, (label: string) => string>;
  unnamed: Record<AuthMethodType, string>;
  reference: (ref: string) => string;
  notYou: string;
  notYouLink: (url: string) => string;
  noIdporten: string;
  contact: { web: (url: string) => string; email: (address: string) => string; phone: (number: string) => string };
  wasYou: string;
  automatic: string;
};

export const NOTICE_TEMPLATES: Record<NoticeLocale, Template> = {
  nb: {
    intlLocale: 'nb-NO',
    subject: 'Tofaktor er nullstilt på OsloMet-kontoen din',
    greeting: (name) => `Hei, ${name}!`,
    happened: (when) =>
      `Tofaktor på OsloMet-kontoen din ble nullstilt ${when}. Den som gjorde det, logget inn med ID-porten på nettstedet for tofaktor.`,
    happenedAtDesk: (when, document) =>
      `Tofaktor på OsloMet-kontoen din ble nullstilt ${when} av IT-servicedesk. Den som ba om det, viste fram ${document} i skranken.`,
    documents: {
      passport: 'pass',
      'national-id-card': 'nasjonalt ID-kort',
      'norwegian-driving-licence': 'norsk førerkort',
      'residence-card': 'oppholdskort',
    },
    removedHeading: 'Dette ble fjernet:',
    method: {
      microsoftAuthenticator: (label) => `Microsoft Authenticator på «${label}»`,
      microsoftAuthenticatorPasskey: (label) => `Passnøkkel i Microsoft Authenticator på «${label}»`,
      softwareOath: () => 'Kodegenerator-app (engangskoder)',
      phone: (label) => `Telefonnummer som slutter på ${label} (SMS og anrop)`,
    },
    unnamed: {
      microsoftAuthenticator: 'Microsoft Authenticator',
      microsoftAuthenticatorPasskey: 'Passnøkkel i Microsoft Authenticator',
      softwareOath: 'Kodegenerator-app (engangskoder)',
      phone: 'Telefonnummer (SMS og anrop)',
    },
    reference: (ref) => `Referanse: ${ref}`,
    notYou: 'Var det ikke du som gjorde dette? Da kan noen andre ha tilgang til kontoen din.',
    notYouLink: (url) =>
      `Logg inn med ID-porten her, så fjerner vi det som er registrert etter nullstillingen, og logger alle ut av kontoen din: ${url}`,
    noIdporten:
      'Har du ikke ID-porten, eller får du det ikke til? Kontakt IT-servicedesk med en gang, og oppgi referansen over.',
    contact: {
      web: (url) => `Nettside: ${url}`,
      email: (address) => `E-post: ${address}`,
      phone: (number) => `Telefon: ${number}`,
    },
    wasYou: 'Var det du, trenger du bare å sette opp Microsoft Authenticator på den nye telefonen.',
    automatic: 'Denne e-posten er sendt automatisk. Du kan ikke svare på den.',
  },
  nn: {
    intlLocale: 'nn-NO',
    subject: 'Tofaktor er nullstilt på OsloMet-kontoen din',
    greeting: (name) => `Hei, ${name}!`,
    happened: (when) =>
      `Tofaktor på OsloMet-kontoen din vart nullstilt ${when}. Den som gjorde det, logga inn med ID-porten på nettstaden for tofaktor.`,
    happenedAtDesk: (when, document) =>
      `Tofaktor på OsloMet-kontoen din vart nullstilt ${when} av IT-servicedesk. Den som bad om det, viste fram ${document} i skranken.`,
    documents: {
      passport: 'pass',
      'national-id-card': 'nasjonalt ID-kort',
      'norwegian-driving-licence': 'norsk førarkort',
      'residence-card': 'opphaldskort',
    },
    removedHeading: 'Dette vart fjerna:',
    method: {
      microsoftAuthenticator: (label) => `Microsoft Authenticator på «${label}»`,
      microsoftAuthenticatorPasskey: (label) => `Passnøkkel i Microsoft Authenticator på «${label}»`,
      softwareOath: () => 'Kodegenerator-app (eingongskodar)',
      phone: (label) => `Telefonnummer som sluttar på ${label} (SMS og oppringing)`,
    },
    unnamed: {
      microsoftAuthenticator: 'Microsoft Authenticator',
      microsoftAuthenticatorPasskey: 'Passnøkkel i Microsoft Authenticator',
      softwareOath: 'Kodegenerator-app (eingongskodar)',
      phone: 'Telefonnummer (SMS og oppringing)',
    },
    reference: (ref) => `Referanse: ${ref}`,
    notYou: 'Var det ikkje du som gjorde dette? Då kan nokon andre ha tilgang til kontoen din.',
    notYouLink: (url) =>
      `Logg inn med ID-porten her, så fjernar vi det som er registrert etter nullstillinga, og loggar alle ut av kontoen din: ${url}`,
    noIdporten:
      'Har du ikkje ID-porten, eller får du det ikkje til? Kontakt IT-servicedesk med ein gong, og oppgi referansen over.',
    contact: {
      web: (url) => `Nettstad: ${url}`,
      email: (address) => `E-post: ${address}`,
      phone: (number) => `Telefon: ${number}`,
    },
    wasYou: 'Var det du, treng du berre å setje opp Microsoft Authenticator på den nye telefonen.',
    automatic: 'Denne e-posten er send automatisk. Du kan ikkje svare på han.',
  },
  en: {
    intlLocale: 'en-GB',
    subject: 'Two-factor authentication was reset on your OsloMet account',
    greeting: (name) => `Hello ${name},`,
    happened: (when) =>
      `Two-factor authentication on your OsloMet account was reset on ${when}. Whoever did it signed in with ID-porten on the two-factor website.`,
    happenedAtDesk: (when, document) =>
      `Two-factor authentication on your OsloMet account was reset on ${when} by the IT service desk. The person who asked for it showed ${document} at the desk.`,
    documents: {
      passport: 'a passport',
      'national-id-card': 'a national ID card',
      'norwegian-driving-licence': 'a Norwegian driving licence',
      'residence-card': 'a residence card',
    },
    removedHeading: 'What was removed:',
    method: {
      microsoftAuthenticator: (label) => `Microsoft Authenticator on "${label}"`,
      microsoftAuthenticatorPasskey: (label) => `Passkey in Microsoft Authenticator on "${label}"`,
      softwareOath: () => 'Code generator app (one-time codes)',
      phone: (label) => `Phone number ending in ${label} (text message and call)`,
    },
    unnamed: {
      microsoftAuthenticator: 'Microsoft Authenticator',
      microsoftAuthenticatorPasskey: 'Passkey in Microsoft Authenticator',
      softwareOath: 'Code generator app (one-time codes)',
      phone: 'Phone number (text message and call)',
    },
    reference: (ref) => `Reference: ${ref}`,
    notYou: 'Was this not you? Then someone else may have access to your account.',
    notYouLink: (url) =>
      `Sign in with ID-porten here, and we remove whatever was registered after the reset and sign everyone out of your account: ${url}`,
    noIdporten:
      'No ID-porten, or it does not work for you? Contact the IT service desk at once and give them the reference above.',
    contact: {
      web: (url) => `Web: ${url}`,
      email: (address) => `Email: ${address}`,
      phone: (number) => `Phone: ${number}`,
    },
    wasYou: 'If it was you, all that is left is to set up Microsoft Authenticator on your new phone.',
    automatic: 'This email was sent automatically. Replies are not read.',
  },
};

/** The account's own addresses, each once (case-insensitive), invalid ones dropped. */
export function noticeRecipients(mail: string | null, otherMails: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const address of [mail, ...otherMails]) {
    const trimmed = address?.trim();
    if (trimmed && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) && !seen.has(trimmed.toLowerCase())) {
      seen.set(trimmed.toLowerCase(), trimmed);
    }
  }
  return [...seen.values()];
}

export function composeNotice(facts: NoticeFacts, to: string[]): MailMessage {
  const t = NOTICE_TEMPLATES[facts.locale];
  const when = formatDateTime(facts.locale, facts.at);
  const contact = [
    t.contact.web(facts.serviceDesk.url),
    facts.serviceDesk.email ? t.contact.email(facts.serviceDesk.email) : null,
    facts.serviceDesk.phone ? t.contact.phone(facts.serviceDesk.phone) : null,
  ].filter((line): line is string => line !== null);
  const channel = facts.channel ?? { kind: 'self-service' };
  const text = [
    t.greeting(facts.displayName),
    '',
    channel.kind === 'service-desk' ? t.happenedAtDesk(when, t.documents[channel.verification]) : t.happened(when),
    '',
    t.removedHeading,
    ...facts.removed.map(
      (method) => `- ${method.label ? t.method[method.type](method.label) : t.unnamed[method.type]}`,
    ),
    '',
    t.reference(facts.reference),
    '',
    t.notYou,
    ...(facts.notMeUrl ? [t.notYouLink(facts.notMeUrl), ''] : []),
    t.noIdporten,
    ...contact,
    '',
    t.wasYou,
    '',
    t.automatic,
  ].join('\n');
  return { subject: t.subject, text, to };
}
