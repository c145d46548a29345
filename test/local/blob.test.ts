import { createRuntime } from '../../local';
import { pdfPageCount, pdfText } from './pdfText';

const HTML =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page { size: A4; }</style></head>' +
  '<body><h1>Invoice INV-1001</h1><p>Interest £7.48 and compensation £70.00 — “21 days” late.</p></body></html>';

describe('Utilities.newBlob and Blob', () => {
  it('keeps a string as UTF-8 bytes (signed, as Java bytes are), with its type and name', () => {
    const { Utilities } = createRuntime().globals;
    const blob = Utilities.newBlob('£1', 'text/plain', 'a.txt');
    expect(blob.getBytes()).toEqual([-62, -93, 49]);
    expect(blob.getDataAsString()).toBe('£1');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('a.txt');
    expect(blob.setName('b.txt').getName()).toBe('b.txt');
    expect(Utilities.newBlob(blob.getBytes()).getDataAsString()).toBe('£1');
    expect(Utilities.base64Encode(blob.getBytes())).toBe(Buffer.from('£1').toString('base64'));
  });

  it('refuses conversions it does not fake, and unfaked blob methods', () => {
    const { Utilities } = createRuntime().globals;
    expect(() => Utilities.newBlob('x', 'text/plain').getAs('application/pdf')).toThrow(/not supported/);
    expect(() => Utilities.newBlob('x', 'text/html').getAs('image/png')).toThrow(/not faked/);
    const blob = Utilities.newBlob('x') as unknown as { copyBlob(): unknown };
    expect(() => blob.copyBlob()).toThrow('not faked: Blob.copyBlob');
  });

  it('prints an HTML blob to a real PDF with Chromium, whose text can be read back', () => {
    const runtime = createRuntime();
    const pdf = runtime.globals.Utilities.newBlob(HTML, 'text/html', 'Letter INV-1001.html').getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Letter INV-1001.pdf');
    const bytes = Buffer.from(Uint8Array.from(pdf.getBytes(), (b) => b & 0xff));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);
    const text = pdfText(bytes);
    expect(text).toContain('Invoice INV-1001');
    expect(text).toContain('Interest £7.48 and compensation £70.00 — “21 days” late.');
    expect(runtime.calls.count('Blob.getAs')).toBe(1);
  }, 60_000);

  it('says clearly when Chromium cannot print, and prints again once it can', () => {
    const { Utilities } = createRuntime().globals;
    const before = process.env.LOCAL_CHROMIUM;
    process.env.LOCAL_CHROMIUM = '/bin/false'; // a program that exists but starts no browser
    try {
      const pdf = Utilities.newBlob(`${HTML}<!-- not printed -->`, 'text/html').getAs('application/pdf');
      expect(() => pdf.getBytes()).toThrow(/Chromium could not print the PDF/);
    } finally {
      if (before === undefined) delete process.env.LOCAL_CHROMIUM;
      else process.env.LOCAL_CHROMIUM = before;
    }
    const bytes = Buffer.from(
      Uint8Array.from(Utilities.newBlob(`${HTML}<!-- printed -->`, 'text/html').getAs('application/pdf').getBytes()),
    );
    expect(pdfText(bytes)).toContain('Invoice INV-1001');
  }, 60_000);

  it('says clearly when Chromium is missing', () => {
    const { Utilities } = createRuntime().globals;
    const before = process.env.LOCAL_CHROMIUM;
    process.env.LOCAL_CHROMIUM = '/nonexistent/chromium';
    try {
      expect(() => Utilities.newBlob(HTML, 'text/html').getAs('application/pdf')).toThrow(/needs Chromium at \/nonexistent/);
    } finally {
      if (before === undefined) delete process.env.LOCAL_CHROMIUM;
      else process.env.LOCAL_CHROMIUM = before;
    }
  });
});
