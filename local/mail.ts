// MailApp (and a minimal GmailApp.sendEmail): messages are recorded as plain data, the daily
// recipient quota and the 50 recipients per message are enforced, and malformed addresses are
// refused as Apps Script refuses them. A sent message is never undone (not even by a kill).

import type { Host } from './core';
import type { FakeBlob } from './blob';
import type { Faked } from './faked';

type GMailApp = GoogleAppsScript.Mail.MailApp;
type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  size: number;
  /** The attachment's bytes (a PDF letter, for the demo's .eml files). */
  content: Buffer;
}

export interface SentMail {
  via: 'MailApp' | 'GmailApp';
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: SentAttachment[];
  /** Simulated send time (ISO) and ms. */
  at: string;
  atMs: number;
  /** Set for GmailApp sends: a fake thread id. */
  threadId: string | null;
}

export interface MailWorld {
  host: Host;
  sender(): string;
}

// Roughly what Gmail accepts: local@domain.tld, optionally as "Name <local@domain.tld>".
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/**
 * Apps Script "Quotas for Google Services", current limitations: email recipients per message, 50.
 * To, Cc and Bcc count alike; the message is refused before anything is sent or charged.
 */
const MAX_RECIPIENTS_PER_MESSAGE = 50;

function extractAddress(entry: string): string {
  const angle = /^(?:"?[^"<]*"?\s*)<([^<>]+)>$/.exec(entry);
  return angle?.[1] ?? entry;
}

export interface MailboxState {
  readonly sent: readonly SentMail[];
  readonly quota: number;
  readonly threadCounter: number;
}

/** The fake's mailbox: what was sent and how much quota is left. */
export class Mailbox {
  readonly sent: SentMail[] = [];
  #quota: number;
  #threadCounter = 0;

  constructor(dailyQuota: number) {
    this.#quota = dailyQuota;
  }
  get remainingQuota(): number {
    return this.#quota;
  }
  setRemainingQuota(n: number): void {
    this.#quota = n;
  }
  /** Messages sent to an address (in To, Cc or Bcc). */
  to(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.sent.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((r) => extractAddress(r).toLowerCase() === a));
  }
  clear(): void {
    this.sent.length = 0;
  }
  /** What was sent and the quota left (runtime.saveState); a sent message never changes. */
  save(): MailboxState {
    return { sent: [...this.sent], quota: this.#quota, threadCounter: this.#threadCounter };
  }
  restore(saved: MailboxState): void {
    this.sent.splice(0, this.sent.length, ...saved.sent);
    this.#quota = saved.quota;
    this.#threadCounter = saved.threadCounter;
  }

  /** Validates, charges the quota and records one message. */
  deliver(world: MailWorld, via: SentMail['via'], message: MailOptions): SentMail {
    const { host } = world;
    const split = (list: string | undefined): string[] =>
      (list ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const to = split(message.to);
    const cc = split(message.cc);
    const bcc = split(message.bcc);
    for (const address of [...to, ...cc, ...bcc]) {
      if (!ADDRESS.test(extractAddress(address))) throw host.error(`Invalid email: ${address}`);
    }
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw host.error('Failed to send email: no recipient');
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw host.error('Limit Exceeded: Email Recipients Per Message.');
    if (recipients > this.#quota) throw host.error('Service invoked too many times for one day: email.');
    const subject = message.subject === undefined || message.subject === null ? '' : String(message.subject);
    if (subject.length > 250) throw host.error('Argument too large: subject');
    this.#quota -= recipients;
    const attachments = (message.attachments ?? []).map((source) => sentAttachment(source.getBlob()));
    const record: SentMail = {
      via,
      from: world.sender(),
      to,
      cc,
      bcc,
      subject,
      body: message.body === undefined ? '' : String(message.body),
      htmlBody: message.htmlBody === undefined ? null : String(message.htmlBody),
      name: message.name ?? null,
      replyTo: message.replyTo ?? null,
      noReply: message.noReply === true,
      attachments,
      at: host.clock.iso(),
      atMs: host.clock.now(),
      threadId: via === 'GmailApp' ? `thread-${(++this.#threadCounter).toString(16).padStart(12, '0')}` : null,
    };
    this.sent.push(record);
    return record;
  }
}

type SendArgs = [message: MailOptions] | [recipient: string, subject: string, body: string, options?: MailOptions | string];

function normalizeSend(host: Host, method: string, args: SendArgs): MailOptions {
  const [first, second, third, fourth] = args;
  if (typeof first === 'object' && first !== null && args.length === 1) return first;
  if (typeof first !== 'string' || typeof second !== 'string' || third === undefined) {
    throw host.error(`The parameters don't match the method signature for ${method}.`);
  }
  // sendEmail(to, replyTo, subject, body): four strings.
  if (typeof fourth === 'string') return { to: first, replyTo: second, subject: third, body: fourth };
  return { ...(fourth ?? {}), to: first, subject: second, body: String(third) };
}

export class FakeMailApp implements Faked<GMailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  readonly #world: MailWorld;
  readonly #mailbox: Mailbox;
  constructor(world: MailWorld, mailbox: Mailbox) {
    this.#world = world;
    this.#mailbox = mailbox;
  }
  sendEmail(...args: SendArgs): void {
    this.#mailbox.deliver(this.#world, 'MailApp', normalizeSend(this.#world.host, 'MailApp.sendEmail', args));
  }
  getRemainingDailyQuota(): number {
    return this.#mailbox.remainingQuota;
  }
  toString(): string {
    return 'MailApp';
  }
}

/**
 * An attachment as sent. Its bytes are read when a test or the demo first asks for them, so a PDF
 * letter nobody opens is never printed (local/blob.ts). Real MailApp reads the blob on Google's
 * side, so no Blob call is recorded either way.
 */
function sentAttachment(blob: GoogleAppsScript.Base.Blob): SentAttachment {
  // Every attachment is a FakeBlob: getBlob() is faked on FakeBlob only.
  const fake = blob as unknown as FakeBlob;
  let content: Buffer | null = null;
  const bytes = (): Buffer => (content ??= Buffer.from(fake.data));
  return {
    name: blob.getName(),
    contentType: blob.getContentType(),
    get size() {
      return bytes().length;
    },
    get content() {
      return bytes();
    },
  };
}
