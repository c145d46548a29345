import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import { defaultTemplates, languageWords } from '../../src/domain/defaultTemplates';
import {
  escapeHtml,
  scanTemplate,
  PLACEHOLDERS,
  placeholderValues,
  placeholdersFor,
  renderTemplate,
  validateTemplate,
  type Placeholder,
} from '../../src/domain/templates';
import {
  LIST_TEMPLATE_IDS,
  STAGE_IDS,
  TEMPLATE_IDS,
  type EmailStageId,
  type Invoice,
  type Template,
} from '../../src/domain/types';

const ALL_VALUES: Record<Placeholder, string> = {
  invoice: 'INV-7',
  client: 'Acme',
  contact_name: 'Jane',
  amount: '$1,200.00',
  balance: '$1,000.00',
  currency: 'USD',
  issue_date: 'March 1, 2026',
  due_date: 'March 31, 2026',
  days_overdue: '7',
  reply_by: 'April 14, 2026',
  sender_name: 'Sam Smith',
  payment_link: 'https://pay.example.com/7',
  interest: '$7.48',
  compensation: '$25.00',
  amount_claimed: '$1,032.48',
  promised_date: 'March 20, 2026',
  invoices: '- Invoice INV-7',
  invoice_count: '2',
  total_balance: '$2,000.00',
};

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    row: 2,
    key: 'INV-7',
    invoice: 'INV-7',
    client: 'Acme',
    emails: ['ap@acme.test'],
    amount: 1200,
    amountPaid: 200,
    balance: 1000,
    currency: 'USD',
    issueDate: null,
    dueDate: '2026-03-31',
    paidDate: null,
    contactName: '',
    billingEmails: [],
    paused: false,
    paymentLink: '',
    ...over,
  };
}

test('PLACEHOLDERS are the names of the README, with the late-payment, promise and list ones', () => {
  expect([...PLACEHOLDERS].sort()).toEqual(
    [
      'invoice',
      'client',
      'contact_name',
      'amount',
      'balance',
      'currency',
      'issue_date',
      'due_date',
      'days_overdue',
      'reply_by',
      'sender_name',
      'payment_link',
      'interest',
      'compensation',
      'amount_claimed',
      'promised_date',
      'invoices',
      'invoice_count',
      'total_balance',
    ].sort(),
  );
});

describe('placeholders (validateTemplate, scanTemplate)', () => {
  const withBody = (text: string): Template => ({ subject: 'S', body: `x ${text}` });

  test.each<[string, string[]]>([
    ['', []],
    ['no placeholders here', []],
    ['Hi {{client}}', ['client']],
    ['{{ client }} and {{client}} and {{  invoice}}', ['client', 'invoice']],
    ['{{due_date}}{{reply_by}}', ['due_date', 'reply_by']],
    ['single { braces } are plain text', []],
    ['{ {client} }', []],
  ])('%j uses %j without problems', (text, names) => {
    expect(validateTemplate(withBody(text))).toEqual([]);
    expect(scanTemplate(withBody(text)).used).toEqual(names);
  });

  test.each<[string, string]>([
    ['{{amout}}', 'Unknown placeholder {{amout}} — did you mean {{amount}}?'],
    ['{{ammount}}', 'Unknown placeholder {{ammount}} — did you mean {{amount}}?'],
    ['{{dueDate}}', 'Unknown placeholder {{dueDate}} — did you mean {{due_date}}?'],
    ['{{due date}}', 'Unknown placeholder {{due date}} — did you mean {{due_date}}?'],
    ['{{Invoice}}', 'Unknown placeholder {{Invoice}} — did you mean {{invoice}}?'],
    ['{{foo}}', 'Unknown placeholder {{foo}}'],
    ['{{constructor}}', 'Unknown placeholder {{constructor}}'],
    ['{{__proto__}}', 'Unknown placeholder {{__proto__}}'],
    ['{{toString}}', 'Unknown placeholder {{toString}}'],
    ['{{hasOwnProperty}}', 'Unknown placeholder {{hasOwnProperty}}'],
    ['{{}}', 'Empty placeholder {{}} — put a name inside, e.g. {{invoice}}'],
    ['{{   }}', 'Empty placeholder {{}} — put a name inside, e.g. {{invoice}}'],
    ['Hi {{client', "'{{' is never closed with '}}' (near '{{client')"],
    ['Hi client}}', "'}}' without an opening '{{' (near '}}')"],
    ['{{{client}}}', "Too many braces in '{{{client}}}' — write {{client}}"],
    ['{{client}}}', "Too many braces in '{{client}}}' — write {{client}}"],
    ['{{{client}}', "Too many braces in '{{{client}}' — write {{client}}"],
    ['{{a {{client}} }}', "Placeholders cannot be nested or contain braces: '{{a {{client}}'"],
    ['{{cli}ent}}', "Placeholders cannot be nested or contain braces: '{{cli}ent}}'"],
  ])('%j → %s', (text, problem) => {
    expect(validateTemplate(withBody(text)).map((i) => i.message)).toContain(`Message: ${problem}`);
  });

  test('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', ' ', 'a', 'client', '_', '\n'), maxLength: 40 }), (s) => {
        const issues = validateTemplate(withBody(s));
        expect(issues.every((i) => i.field === 'body' && i.message !== '')).toBe(true);
        expect(Array.isArray(scanTemplate(withBody(s)).used)).toBe(true);
      }),
    );
  });
});

describe('validateTemplate', () => {
  const good: Template = { subject: 'Invoice {{invoice}}', body: 'Hello {{client}}' };

  test('a good template has no problems', () => {
    expect(validateTemplate(good)).toEqual([]);
  });

  test.each<[Template, string]>([
    [{ subject: '', body: 'x' }, 'The subject is empty'],
    [{ subject: '   ', body: 'x' }, 'The subject is empty'],
    [{ subject: 'x', body: '' }, 'The message is empty'],
    [{ subject: 'x', body: ' \n ' }, 'The message is empty'],
    [{ subject: 'a\nb', body: 'x' }, 'The subject must be on one line'],
    [{ subject: 'a\rb', body: 'x' }, 'The subject must be on one line'],
    [{ subject: 'x'.repeat(251), body: 'x' }, 'The subject is longer than 250 characters'],
    [{ subject: 'x', body: 'x'.repeat(20_001) }, 'The message is longer than 20,000 characters'],
    [{ subject: 'Invoice {{invoce}}', body: 'x' }, 'Subject: Unknown placeholder {{invoce}} — did you mean {{invoice}}?'],
    [{ subject: 'x', body: 'Dear {{clinet}}' }, 'Message: Unknown placeholder {{clinet}} — did you mean {{client}}?'],
    [{ subject: 'x', body: 'Dear {{client' }, "Message: '{{' is never closed with '}}' (near '{{client')"],
  ])('%j → %s', (t, problem) => {
    expect(validateTemplate(t).map((i) => i.message)).toContain(problem);
  });

  test.each<[Template, string, string, string | undefined]>([
    [{ subject: '', body: 'x' }, 'subject', 'required', undefined],
    [{ subject: 'a\nb', body: 'x' }, 'subject', 'not-one-line', undefined],
    [{ subject: 'x'.repeat(251), body: 'x' }, 'subject', 'too-long', undefined],
    [{ subject: 'x', body: 'x'.repeat(20_001) }, 'body', 'too-long', undefined],
    [{ subject: 'Invoice {{invoce}}', body: 'x' }, 'subject', 'unknown-placeholder', 'invoice'],
    [{ subject: 'x', body: 'Dear {{clinet}}' }, 'body', 'unknown-placeholder', 'client'],
    [{ subject: 'x', body: 'Dear {{zzz}}' }, 'body', 'unknown-placeholder', undefined],
    [{ subject: 'x', body: 'Dear {{}}' }, 'body', 'empty-placeholder', undefined],
    [{ subject: 'x', body: 'Dear {{client' }, 'body', 'bad-braces', undefined],
  ])('%j → an issue on %s, code %s, suggestion %s', (t, field, code, suggestion) => {
    const found = validateTemplate(t);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, code });
    expect(found[0]?.suggestion).toBe(suggestion);
  });

  test('limits are inclusive', () => {
    expect(validateTemplate({ subject: 'x'.repeat(250), body: 'x'.repeat(20_000) })).toEqual([]);
  });
});

describe('escapeHtml', () => {
  test('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('renderTemplate', () => {
  test('fills subject, text and html', () => {
    const r = renderTemplate(
      {
        subject: 'Invoice {{invoice}} from {{ sender_name }}',
        body: 'Hello {{client}},\n\nYou owe {{balance}}.\nThanks,\n{{sender_name}}',
      },
      ALL_VALUES,
    );
    expect(r).toEqual({
      ok: true,
      subject: 'Invoice INV-7 from Sam Smith',
      text: 'Hello Acme,\n\nYou owe $1,000.00.\nThanks,\nSam Smith',
      html: expect.stringContaining('<p>Hello Acme,</p>\n<p>You owe $1,000.00.<br>Thanks,<br>Sam Smith</p>'),
    });
    if (r.ok) {
      expect(r.html).toMatch(/^<!DOCTYPE html><html>.*<body[^>]*>/s);
      expect(r.html).toMatch(/<\/body><\/html>$/);
    }
  });

  test('a placeholder with no value or an empty one is missing: the email must not be sent', () => {
    const values = { ...ALL_VALUES, contact_name: '', payment_link: '  ' } as Partial<Record<Placeholder, string>>;
    delete values.issue_date;
    const r = renderTemplate(
      { subject: 'Hi {{contact_name}}', body: '{{issue_date}} {{payment_link}} {{client}} {{contact_name}}' },
      values,
    );
    expect(r).toEqual({ ok: false, missing: ['contact_name', 'issue_date', 'payment_link'] });
  });

  test('an invalid template reports problems instead of rendering', () => {
    expect(renderTemplate({ subject: 'x', body: '{{amout}}' }, ALL_VALUES)).toEqual({
      ok: false,
      problems: ['Message: Unknown placeholder {{amout}} — did you mean {{amount}}?'],
    });
  });

  test('values named like prototype members are never looked up', () => {
    const values = Object.create({ client: 'from the prototype' }) as Partial<Record<Placeholder, string>>;
    expect(renderTemplate({ subject: 'x', body: '{{client}}' }, values)).toEqual({ ok: false, missing: ['client'] });
  });

  test('values are escaped in html and kept as written in text', () => {
    const r = renderTemplate(
      { subject: 'About {{client}}', body: 'Dear {{client}} & co, <b>not markup</b>' },
      { ...ALL_VALUES, client: `<script>alert("x")</script> O'Neil & Sons` },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(`Dear <script>alert("x")</script> O'Neil & Sons & co, <b>not markup</b>`);
    expect(r.html).toContain(
      'Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Sons &amp; co, &lt;b&gt;not markup&lt;/b&gt;',
    );
    expect(r.html).not.toContain('<script');
    expect(r.subject).toBe(`About <script>alert("x")</script> O'Neil & Sons`);
  });

  test('the subject loses line breaks that values bring in (no header injection)', () => {
    const r = renderTemplate(
      { subject: 'Invoice {{invoice}} for {{client}}', body: 'x' },
      { ...ALL_VALUES, client: 'Acme\r\nBcc: evil@example.com\n' },
    );
    expect(r.ok && r.subject).toBe('Invoice INV-7 for Acme Bcc: evil@example.com');
  });

  test('an http(s) payment link becomes a link; anything else stays text', () => {
    const t = { subject: 'x', body: 'Pay here: {{payment_link}}' };
    const link = renderTemplate(t, { ...ALL_VALUES, payment_link: 'https://pay.example.com/7?a=1&b=2' });
    expect(link.ok && link.html).toContain(
      '<a href="https://pay.example.com/7?a=1&amp;b=2">https://pay.example.com/7?a=1&amp;b=2</a>',
    );
    const bad = renderTemplate(t, { ...ALL_VALUES, payment_link: 'javascript:alert(1)' });
    expect(bad.ok && bad.html).not.toContain('<a ');
    expect(bad.ok && bad.html).toContain('javascript:alert(1)');
    const quoted = renderTemplate(t, { ...ALL_VALUES, payment_link: 'https://x.io/"><script>' });
    expect(quoted.ok && quoted.html).not.toContain('<a ');
    const other = renderTemplate({ subject: 'x', body: '{{client}}' }, { ...ALL_VALUES, client: 'https://x.io' });
    expect(other.ok && other.html).not.toContain('<a ');
  });

  test('blank lines make paragraphs; CRLF is normalised', () => {
    const r = renderTemplate({ subject: 'x', body: 'One\r\ntwo\r\n\r\n\r\nThree\n  \nFour' }, ALL_VALUES);
    expect(r.ok && r.text).toBe('One\ntwo\n\n\nThree\n  \nFour');
    expect(r.ok && r.html).toContain('<p>One<br>two</p>\n<p>Three</p>\n<p>Four</p>');
  });

  const allowedTags = new Set(['html', 'head', 'meta', 'body', 'p', 'br', 'a']);
  test('property: never throws, and no value ever produces markup', () => {
    const value = fc.string({
      unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '\n', '/', 's', 'c', 'r', 'i', 'p', 't', '='),
      maxLength: 30,
    });
    const template = fc.record({
      subject: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('Invoice {{invoice}} {{client}}')),
      body: fc.oneof(
        fc.string({ unit: fc.constantFrom('{{', '}}', '{{client}}', '{{payment_link}}', 'x', '\n', '<', '&'), maxLength: 20 }),
        fc.constant('Hello {{client}}\n\n{{contact_name}} {{payment_link}}'),
      ),
    });
    fc.assert(
      fc.property(template, value, value, value, (t, client, contact, link) => {
        const r = renderTemplate(t, { ...ALL_VALUES, client, contact_name: contact, payment_link: link });
        if (!r.ok) return;
        for (const m of r.html.matchAll(/<\/?([A-Za-z!][A-Za-z]*)/g)) {
          const tag = (m[1] ?? '').toLowerCase();
          expect(tag === '!doctype' || allowedTags.has(tag)).toBe(true);
        }
        // The only '<' characters are the structural ones.
        const structural =
          r.html.match(/<(?:!DOCTYPE html|html|head|meta charset="utf-8"|\/?body[^>]*|\/?p|br|\/html|\/head)>/g) ?? [];
        const anchors = r.html.match(/<a href="[^"<>]*">|<\/a>/g) ?? [];
        expect((r.html.match(/</g) ?? []).length).toBe(structural.length + anchors.length);
        expect(r.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 1500 },
    );
  });

  test('property: render never throws on arbitrary templates and values', () => {
    fc.assert(
      fc.property(
        fc.record({ subject: binaryString({ maxLength: 60 }), body: binaryString({ maxLength: 200 }) }),
        fc.dictionary(fc.constantFrom(...PLACEHOLDERS, '__proto__', 'constructor'), binaryString({ maxLength: 20 })),
        (t, values) => {
          const r = renderTemplate(t, values as Partial<Record<Placeholder, string>>);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('placeholderValues', () => {
  const ctx = { today: '2026-04-07', locale: 'en_US', replyByDays: 7, senderName: ' Sam Smith ' };

  test('formats money and dates for the locale and omits empty optional values', () => {
    expect(placeholderValues(invoice(), ctx)).toEqual({
      invoice: 'INV-7',
      client: 'Acme',
      amount: '$1,200.00',
      balance: '$1,000.00',
      currency: 'USD',
      due_date: 'March 31, 2026',
      days_overdue: '7',
      reply_by: 'April 14, 2026',
      sender_name: 'Sam Smith',
    });
  });

  test('optional values when present; other locales', () => {
    const v = placeholderValues(
      invoice({
        issueDate: '2026-03-01',
        contactName: 'Jane',
        paymentLink: 'https://pay.example.com/7',
        currency: 'EUR',
        amount: 1200.5,
        balance: 1200.5,
      }),
      { ...ctx, locale: 'de_DE' },
    );
    expect(v.issue_date).toBe('1 March 2026');
    expect(v.contact_name).toBe('Jane');
    expect(v.payment_link).toBe('https://pay.example.com/7');
    expect(v.amount).toBe('1.200,50 €');
    expect(v.due_date).toBe('31 March 2026');
    expect(v.reply_by).toBe('14 April 2026');
  });

  test('days_overdue is negative before the due date; no sender name means missing', () => {
    const v = placeholderValues(invoice(), { ...ctx, today: '2026-03-28', senderName: '' });
    expect(v.days_overdue).toBe('-3');
    expect(v.sender_name).toBeUndefined();
    expect(renderTemplate(defaultTemplates().nudge, v)).toEqual({ ok: false, missing: ['sender_name'] });
  });
});

describe('defaultTemplates', () => {
  const templates = defaultTemplates();
  /** The emails about one unpaid invoice (the thank-you quotes the amount paid, the lists list several). */
  const ONE_INVOICE = TEMPLATE_IDS.filter((id) => id !== 'thankYou' && !(LIST_TEMPLATE_IDS as readonly string[]).includes(id));
  const optional: Placeholder[] = ['issue_date', 'contact_name', 'payment_link'];

  test('there is one per template id, and each is valid', () => {
    expect(Object.keys(templates).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const id of TEMPLATE_IDS) expect(validateTemplate(templates[id], id)).toEqual([]);
  });

  test('every emailing stage shares one subject, so an invoice stays in one conversation', () => {
    const subjects = new Set(STAGE_IDS.filter((id): id is EmailStageId => id !== 'final').map((id) => templates[id].subject));
    expect([...subjects]).toEqual([languageWords('en').subject]);
    expect(languageWords('en').subject).toContain('{{invoice}}');
  });

  test('they use only the placeholders every valid row has', () => {
    for (const id of TEMPLATE_IDS) {
      const names: readonly string[] = scanTemplate(templates[id]).used;
      for (const p of optional) expect(names).not.toContain(p);
    }
  });

  test('the one-invoice emails render for a minimal invoice, quoting the balance and signed by the sender', () => {
    const values = placeholderValues(invoice({ promisedDate: '2026-04-10' }), {
      today: '2026-04-21',
      locale: 'en_US',
      replyByDays: 7,
      senderName: 'Sam Smith',
    });
    for (const id of ONE_INVOICE) {
      const r = renderTemplate(templates[id], values);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.text.startsWith('Hello,')).toBe(true);
      expect(r.text).toContain('$1,000.00');
      expect(r.text).not.toContain('$1,200.00');
      expect(r.text.trimEnd().endsWith('Sam Smith')).toBe(true);
      expect(r.subject).toBe('Invoice INV-7 from Sam Smith');
    }
  });

  test('each stage says what the schedule promises (README "How the schedule works")', () => {
    const body = (id: keyof typeof templates) => templates[id].body;
    expect(body('nudge')).toContain('{{due_date}}');
    expect(body('nudge')).not.toContain('{{days_overdue}}');
    expect(body('reminder')).toMatch(/slipped through/);
    expect(body('reminder')).toMatch(/when you expect to process it/);
    expect(body('reminder')).toContain('{{due_date}}');
    expect(body('firm')).toMatch(/\{\{days_overdue\}\} days overdue/);
    expect(body('firm')).toMatch(/confirm the payment status by \{\{reply_by\}\}/);
    expect(body('escalate')).toMatch(/accounts payable/i);
    expect(body('escalate')).toMatch(/copied my usual contact/);
    expect(body('formal')).toMatch(/formal notice/i);
    expect(body('formal')).toMatch(/\{\{days_overdue\}\} days overdue/);
    expect(body('formal')).toMatch(/by \{\{reply_by\}\}.*other options/s);
    expect(body('dispute')).toContain('Is there something about the delivered work or the invoice that I can address?');
    for (const id of ONE_INVOICE) expect(body(id)).toContain('{{balance}}');
    expect(body('promiseMissed')).toContain('{{promised_date}}');
    expect(body('thankYou')).toContain('{{amount}}');
    for (const id of LIST_TEMPLATE_IDS) expect(body(id)).toContain('{{invoices}}');
  });
});

describe('placeholders that only some templates can fill', () => {
  const t = (body: string, subject = 'About {{client}}'): Template => ({ subject, body });

  test('{{invoices}}, {{invoice_count}} and {{total_balance}} only in the lists; {{promised_date}} only in "promise missed"', () => {
    expect(validateTemplate(t('{{invoices}} {{sender_name}}'), 'reminder')).toEqual([
      {
        field: 'body',
        code: 'not-in-this-template',
        message: 'Message: {{invoices}} can only be used in the emails that list several invoices.',
      },
    ]);
    expect(validateTemplate(t('x', '{{invoice_count}} invoices'), 'thankYou').map((i) => [i.field, i.code])).toEqual([
      ['subject', 'not-in-this-template'],
    ]);
    expect(validateTemplate(t('Promised {{promised_date}}'), 'firm')[0]?.message).toBe(
      'Message: {{promised_date}} can only be used in the "promise missed" email.',
    );
    expect(validateTemplate(t('Promised {{promised_date}}'), 'promiseMissed')).toEqual([]);
    expect(validateTemplate(t('Promised {{promised_date}}'), 'firmList').map((i) => i.code)).toEqual(['not-in-this-template']);
    expect(
      validateTemplate(t('{{invoice_count}}: {{invoices}} {{total_balance}} {{contact_name}} {{reply_by}}'), 'formalList'),
    ).toEqual([]);
  });

  test("one invoice's values are refused in a list, each name once, by the field it is in", () => {
    const issues = validateTemplate(
      t('{{balance}} and {{balance}} {{invoices}}', '{{invoice}} and {{invoices}}'),
      'reminderList',
    );
    expect(issues.map((i) => [i.field, i.code, i.message])).toEqual([
      [
        'subject',
        'not-in-this-template',
        'Subject: {{invoice}} is about one invoice: an email listing several invoices can use {{invoices}}, {{invoice_count}} and {{total_balance}} instead.',
      ],
      ['subject', 'not-in-this-template', 'Subject: {{invoices}} is a list: put it in the message.'],
      [
        'body',
        'not-in-this-template',
        'Message: {{balance}} is about one invoice: an email listing several invoices can use {{invoices}}, {{invoice_count}} and {{total_balance}} instead.',
      ],
    ]);
  });

  test('without a template id, only the text is checked (a run renders what was saved)', () => {
    expect(validateTemplate(t('{{invoices}} {{promised_date}}'))).toEqual([]);
  });

  test('placeholdersFor lists what each template can use', () => {
    expect(placeholdersFor('reminderList')).toEqual([
      'client',
      'contact_name',
      'reply_by',
      'sender_name',
      'invoices',
      'invoice_count',
      'total_balance',
    ]);
    expect(placeholdersFor('promiseMissed')).toContain('promised_date');
    expect(placeholdersFor('firm')).not.toContain('promised_date');
    expect(placeholdersFor('firm')).not.toContain('invoices');
    expect(placeholdersFor('firm')).toContain('interest');
  });

  test('promised_date is the promise in force, in words', () => {
    const v = placeholderValues(invoice({ promisedDate: '2026-04-02' }), {
      today: '2026-04-05',
      locale: 'en_GB',
      replyByDays: 7,
      senderName: 'Sam',
    });
    expect(v.promised_date).toBe('2 April 2026');
    expect(
      placeholderValues(invoice(), { today: '2026-04-05', locale: 'en_GB', replyByDays: 7, senderName: 'Sam' }).promised_date,
    ).toBe(undefined);
  });
});

describe('a block placeholder in the HTML version', () => {
  test('stands as its own block between paragraphs; the text version has the plain list', () => {
    const r = renderTemplate(
      { subject: 'S', body: 'Hello,\n\nThe list:\n{{invoices}}\nThanks {{client}}' },
      { invoices: '- a\n- b', client: 'A&B' },
      { invoices: '<table>T</table>' },
    );
    expect(r).toMatchObject({ ok: true, text: 'Hello,\n\nThe list:\n- a\n- b\nThanks A&B' });
    expect(r.ok && r.html).toContain('<p>Hello,</p>\n<p>The list:</p>\n<table>T</table>\n<p>Thanks A&amp;B</p>');
  });
});
