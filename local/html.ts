// HtmlService: HTML pages read from the built project directory, as Apps Script serves the
// project's .html files. The sidebar is one self-contained file, so no templates are faked.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { INTERNAL, type Host } from './core';
import type { Faked } from './faked';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlService = GoogleAppsScript.HTML.HtmlService;

export interface HtmlWorld {
  host: Host;
  /** Directory holding the project's .html files (dist/ once built). */
  htmlDir(): string;
}

export interface HtmlPage {
  content: string;
  title: string;
}

export class FakeHtmlOutput implements Faked<GHtmlOutput, 'setTitle'> {
  readonly [INTERNAL]: HtmlPage;

  constructor(content: string) {
    this[INTERNAL] = { content, title: '' };
  }
  setTitle(title: string): this {
    this[INTERNAL].title = String(title);
    return this;
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

export class FakeHtmlService implements Faked<GHtmlService, 'createHtmlOutputFromFile'> {
  readonly #world: HtmlWorld;

  constructor(world: HtmlWorld) {
    this.#world = world;
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.resolve(this.#world.htmlDir(), `${name}.html`);
    if (!fs.existsSync(file)) throw this.#world.host.error(`No HTML file named ${name} was found.`);
    return this.#world.host.wrap('HtmlOutput', new FakeHtmlOutput(fs.readFileSync(file, 'utf8')));
  }
  toString(): string {
    return 'HtmlService';
  }
}
