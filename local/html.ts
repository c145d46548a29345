// HtmlService: HTML pages read from the built project directory (as Apps Script serves the
// project's .html files), and templates with <?= ?>, <?!= ?> and <? ?> scriptlets.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { INTERNAL, type Host } from './core';
import type { Faked } from './faked';
import { SandboxMode, XFrameOptionsMode, enumName } from './enums';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type GHtmlService = GoogleAppsScript.HTML.HtmlService;

/** A compiled template: called with the template's variables and the two printers. */
export type CompiledTemplate = (data: object, escape: (v: unknown) => string, raw: (v: unknown) => string) => string;

export interface HtmlWorld {
  host: Host;
  /** Directory holding the project's .html files (dist/ once built). */
  htmlDir(): string;
  /** Compiles template code; in the loader this runs in the add-on's vm context, so scriptlets see its globals. */
  compile(functionBody: string): CompiledTemplate;
}

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function rawText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export interface HtmlPage {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  faviconUrl: string;
  metaTags: { name: string; content: string }[];
}

type HtmlOutputMethods =
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'asTemplate'
  | 'clear'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getMetaTags'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

export class FakeHtmlOutput implements Faked<GHtmlOutput, HtmlOutputMethods> {
  readonly [INTERNAL]: HtmlPage;
  readonly #world: HtmlWorld;

  constructor(world: HtmlWorld, content: string) {
    this.#world = world;
    this[INTERNAL] = {
      content,
      title: '',
      width: null,
      height: null,
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: 'DEFAULT',
      faviconUrl: '',
      metaTags: [],
    };
  }
  addMetaTag(name: string, content: string): this {
    this[INTERNAL].metaTags.push({ name, content });
    return this;
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.#world.host.list(
      this[INTERNAL].metaTags.map(({ name, content }) => ({ getName: () => name, getContent: () => content })),
    );
  }
  append(addedContent: string): this {
    this[INTERNAL].content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this[INTERNAL].content += escapeHtml(addedContent);
    return this;
  }
  asTemplate(): FakeHtmlTemplate {
    return this.#world.host.wrap('HtmlTemplate', new FakeHtmlTemplate(this.#world, this[INTERNAL].content));
  }
  clear(): this {
    this[INTERNAL].content = '';
    return this;
  }
  getContent(): string {
    return this[INTERNAL].content;
  }
  setContent(content: string): this {
    this[INTERNAL].content = String(content);
    return this;
  }
  getTitle(): string {
    return this[INTERNAL].title;
  }
  setTitle(title: string): this {
    this[INTERNAL].title = String(title);
    return this;
  }
  getWidth(): number {
    return this[INTERNAL].width ?? 0;
  }
  setWidth(width: number): this {
    this[INTERNAL].width = width;
    return this;
  }
  getHeight(): number {
    return this[INTERNAL].height ?? 0;
  }
  setHeight(height: number): this {
    this[INTERNAL].height = height;
    return this;
  }
  getFaviconUrl(): string {
    return this[INTERNAL].faviconUrl;
  }
  setFaviconUrl(iconUrl: string): this {
    this[INTERNAL].faviconUrl = iconUrl;
    return this;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): this {
    this[INTERNAL].sandboxMode = enumName(mode);
    return this;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): this {
    this[INTERNAL].xFrameOptionsMode = enumName(mode);
    return this;
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

/** Turns template text into the body of a function (data, __escape, __raw) → string. */
export function templateCode(source: string): string {
  let code = "var __out = '';\nwith (__data) {\n";
  let pos = 0;
  while (pos < source.length) {
    const open = source.indexOf('<?', pos);
    if (open === -1) {
      code += `__out += ${JSON.stringify(source.slice(pos))};\n`;
      break;
    }
    if (open > pos) code += `__out += ${JSON.stringify(source.slice(pos, open))};\n`;
    const close = source.indexOf('?>', open + 2);
    if (close === -1) throw new Error('Unterminated scriptlet: missing ?>');
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) code += `__out += __raw(${inner.slice(2)});\n`;
    else if (inner.startsWith('=')) code += `__out += __escape(${inner.slice(1)});\n`;
    else code += `${inner}\n`;
    pos = close + 2;
  }
  return `${code}}\nreturn __out;`;
}

type HtmlTemplateMethods = 'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent';

export class FakeHtmlTemplate implements Faked<GHtmlTemplate, HtmlTemplateMethods> {
  // Template variables are this object's own properties (`template.invoice = …`), so the internals
  // are private fields that never show up among them.
  [variable: string]: unknown;
  readonly #world: HtmlWorld;
  readonly #source: string;

  constructor(world: HtmlWorld, source: string) {
    this.#world = world;
    this.#source = source;
  }
  evaluate(): FakeHtmlOutput {
    const data: Record<string, unknown> = Object.fromEntries(Object.entries(this));
    let compiled: CompiledTemplate;
    try {
      compiled = this.#world.compile(templateCode(this.#source));
    } catch (error) {
      throw this.#world.host.error(`Template syntax error: ${error instanceof Error ? error.message : String(error)}`);
    }
    const html = compiled(data, escapeHtml, rawText);
    return this.#world.host.wrap('HtmlOutput', new FakeHtmlOutput(this.#world, html));
  }
  getCode(): string {
    return templateCode(this.#source);
  }
  getCodeWithComments(): string {
    return templateCode(this.#source);
  }
  getRawContent(): string {
    return this.#source;
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}

type HtmlServiceMethods =
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'getUserAgent';

export class FakeHtmlService
  implements Faked<GHtmlService, HtmlServiceMethods>, Pick<GHtmlService, 'SandboxMode' | 'XFrameOptionsMode'>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly #world: HtmlWorld;

  constructor(world: HtmlWorld) {
    this.#world = world;
  }

  #readFile(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.resolve(this.#world.htmlDir(), `${name}.html`);
    if (!fs.existsSync(file)) throw this.#world.host.error(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }
  #textOf(source: string | GoogleAppsScript.Base.BlobSource | undefined): string {
    if (source === undefined) return '';
    if (typeof source === 'string') return source;
    return source.getBlob().getDataAsString();
  }
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): FakeHtmlOutput {
    return this.#world.host.wrap('HtmlOutput', new FakeHtmlOutput(this.#world, this.#textOf(html)));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return this.#world.host.wrap('HtmlOutput', new FakeHtmlOutput(this.#world, this.#readFile(filename)));
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): FakeHtmlTemplate {
    return this.#world.host.wrap('HtmlTemplate', new FakeHtmlTemplate(this.#world, this.#textOf(html)));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return this.#world.host.wrap('HtmlTemplate', new FakeHtmlTemplate(this.#world, this.#readFile(filename)));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  }
  toString(): string {
    return 'HtmlService';
  }
}
