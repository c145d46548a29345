// The text of a PDF printed by Chromium (Skia), read without any library: each page's content
// streams are inflated, and the glyph codes its text operators show are mapped back to characters
// through each font's ToUnicode map. Enough for Chromium's own output; not a general PDF reader.
import * as zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt === -1) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataStart = start + streamAt + 'stream'.length + (text[start + streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? zlib.inflateSync(raw) : raw });
    header.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, code, text] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code!, 16), utf16(text!));
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, lo, hi, first] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(first!, 16);
      for (let c = parseInt(lo!, 16); c <= parseInt(hi!, 16); c++) map.set(c, String.fromCharCode(base + c - parseInt(lo!, 16)));
    }
  }
  return map;
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

function fontMaps(page: string, objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const fonts = new Map<string, Map<number, string>>();
  const block = /\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '';
  for (const [, name, id] of block.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const cmapId = ref(objects.get(Number(id))?.dict ?? '', 'ToUnicode');
    const cmap = cmapId === null ? undefined : objects.get(cmapId)?.stream;
    fonts.set(name!, cmap ? readCMap(cmap.toString('latin1')) : new Map());
  }
  return fonts;
}

/** Chromium shows 'fi', 'ff'… as one ligature glyph: read back as the letters. */
const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl' };

function showText(hex: string, font: Map<number, string> | undefined): string {
  const text = (hex.match(/.{4}/g) ?? []).map((code) => font?.get(parseInt(code, 16)) ?? '').join('');
  return text.replace(/[\ufb00-\ufb04]/g, (l) => LIGATURES[l] ?? l);
}

/** The text of one content stream: each BT…ET block on its own line. */
function contentText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  let font: Map<number, string> | undefined;
  for (const block of content.match(/BT[\s\S]*?ET/g) ?? []) {
    let line = '';
    for (const [, fontName, hex, array] of block.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj|\[([^\]]*)\] ?TJ/g)) {
      if (fontName !== undefined) font = fonts.get(fontName);
      else if (hex !== undefined) line += showText(hex, font);
      else for (const [, h] of (array ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)) line += showText(h!, font);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The text of every page, in page order; glyph runs of one text block are joined. */
export function pdfText(pdf: Uint8Array): string {
  const buffer = Buffer.from(pdf);
  if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const objects = readObjects(buffer);
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict));
  return pages
    .map((page) => {
      const fonts = fontMaps(page.dict, objects);
      const contents = ref(page.dict, 'Contents');
      const stream = contents === null ? null : objects.get(contents)?.stream;
      return stream ? contentText(stream.toString('latin1'), fonts) : '';
    })
    .join('\n');
}

/** The page count of a PDF. */
export function pdfPageCount(pdf: Uint8Array): number {
  return [...readObjects(Buffer.from(pdf)).values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict)).length;
}
