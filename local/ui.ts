// SpreadsheetApp.getUi(): menus (recorded as data), alerts and prompts (answered from a script the
// test writes), sidebars and dialogs (recorded with their HTML).

import { INTERNAL, type Host } from './core';
import type { Faked } from './faked';
import { Button, ButtonSet, enumName } from './enums';
import type { FakeHtmlOutput } from './html';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GPromptResponse = GoogleAppsScript.Base.PromptResponse;

export type ButtonName = keyof typeof GoogleAppsScript.Base.Button;
export type ButtonSetName = keyof typeof GoogleAppsScript.Base.ButtonSet;

export type MenuItemRecord = { caption: string; functionName: string } | { separator: true } | MenuRecord;

export interface MenuRecord {
  caption: string;
  /** Built with createAddonMenu() (shown under Extensions › add-on name). */
  addon: boolean;
  items: MenuItemRecord[];
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
  /** What the user typed, for prompts. */
  responseText?: string;
  at: string;
}

export interface HtmlRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  at: string;
}

export interface ToastLike {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number | null;
  at: string;
}

const ALLOWED_RESPONSES: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export interface UiState {
  readonly menus: readonly MenuRecord[];
  readonly dialogs: readonly DialogRecord[];
  readonly toasts: readonly ToastLike[];
  readonly html: readonly HtmlRecord[];
  readonly responses: ReadonlyArray<{ button: ButtonName; text: string }>;
  readonly auto: ((buttons: ButtonSetName, prompt: string) => ButtonName) | null;
}

/** What the user did and saw: recorded by the fakes, scripted and inspected by tests. */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastLike[] = [];
  readonly html: HtmlRecord[] = [];
  #responses: { button: ButtonName; text: string }[] = [];
  #auto: ((buttons: ButtonSetName, prompt: string) => ButtonName) | null = null;

  /** Queues the buttons the user will click in the next alerts/prompts, in order. */
  respondWith(...buttons: ButtonName[]): void {
    for (const button of buttons) {
      if (!(button in Button)) throw new Error(`ui.respondWith: unknown button ${button}`);
      this.#responses.push({ button, text: '' });
    }
  }

  /** Queues what the user types into the next prompt and the button they click. */
  respondToPrompt(text: string, button: ButtonName = 'OK'): void {
    this.#responses.push({ button, text });
  }

  /**
   * Answers every dialog with no scripted answer left: for a run nested in another, whose dialogs a
   * test cannot know in advance (null stops it).
   */
  answerEveryDialog(answer: ((buttons: ButtonSetName, prompt: string) => ButtonName) | null): void {
    this.#auto = answer;
  }

  /** Drops scripted answers no dialog used. */
  clearResponses(): void {
    this.#responses.length = 0;
  }

  get alerts(): DialogRecord[] {
    return this.dialogs.filter((d) => d.kind === 'alert');
  }
  get sidebars(): HtmlRecord[] {
    return this.html.filter((h) => h.kind === 'sidebar');
  }

  /** Menus added to the UI, the last addToUi of a caption replacing earlier ones. */
  menu(caption: string): MenuRecord | undefined {
    return [...this.menus].reverse().find((m) => m.caption === caption);
  }

  nextResponse(kind: 'alert' | 'prompt', buttons: ButtonSetName, prompt: string): { button: ButtonName; text: string } {
    const next = this.#responses.shift() ?? (this.#auto ? { button: this.#auto(buttons, prompt), text: '' } : undefined);
    if (!next) {
      throw new Error(
        `Ui.${kind}("${prompt}") was shown but the test scripted no answer: call runtime.ui.respondWith('YES' | 'NO' | 'OK' | 'CANCEL' | 'CLOSE')` +
          (kind === 'prompt' ? " or runtime.ui.respondToPrompt(text, 'OK')" : '') +
          ' before the call.',
      );
    }
    if (!ALLOWED_RESPONSES[buttons].includes(next.button)) {
      throw new Error(`Ui.${kind}("${prompt}") shows ${buttons} buttons; the scripted answer ${next.button} is not one of them.`);
    }
    return next;
  }

  /** What was shown and what is scripted (runtime.saveState). */
  save(): UiState {
    const { menus, dialogs, toasts, html } = this;
    return {
      menus: [...menus],
      dialogs: [...dialogs],
      toasts: [...toasts],
      html: [...html],
      responses: [...this.#responses],
      auto: this.#auto,
    };
  }
  restore(saved: UiState): void {
    this.menus.splice(0, this.menus.length, ...saved.menus);
    this.dialogs.splice(0, this.dialogs.length, ...saved.dialogs);
    this.toasts.splice(0, this.toasts.length, ...saved.toasts);
    this.html.splice(0, this.html.length, ...saved.html);
    this.#responses = [...saved.responses];
    this.#auto = saved.auto;
  }

  addMenu(menu: MenuRecord): void {
    const index = this.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (index >= 0) this.menus.splice(index, 1);
    this.menus.push(menu);
  }
}

export class FakeMenu implements Faked<GMenu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly [INTERNAL]: MenuRecord;
  readonly #recorder: UiRecorder;

  constructor(recorder: UiRecorder, caption: string, addon: boolean) {
    this.#recorder = recorder;
    this[INTERNAL] = { caption, addon, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    this[INTERNAL].items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this[INTERNAL].items.push({ separator: true });
    return this;
  }
  addToUi(): void {
    this.#recorder.addMenu(structuredClone(this[INTERNAL]));
  }
  toString(): string {
    return 'Menu';
  }
}

export class FakePromptResponse implements Faked<GPromptResponse, keyof GPromptResponse> {
  readonly #text: string;
  readonly #button: ButtonName;
  constructor(text: string, button: ButtonName) {
    this.#text = text;
    this.#button = button;
  }
  getResponseText(): string {
    return this.#text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.#button];
  }
  toString(): string {
    return 'PromptResponse';
  }
}

type UiMethods = 'alert' | 'prompt' | 'createMenu' | 'createAddonMenu' | 'showSidebar';

export class FakeUi implements Faked<GUi, UiMethods>, Pick<GUi, 'Button' | 'ButtonSet'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly #host: Host;
  readonly #recorder: UiRecorder;
  readonly #addonName: string;

  constructor(host: Host, recorder: UiRecorder, addonName: string) {
    this.#host = host;
    this.#recorder = recorder;
    this.#addonName = addonName;
  }

  createMenu(caption: string): FakeMenu {
    return this.#host.wrap('Menu', new FakeMenu(this.#recorder, String(caption), false));
  }
  createAddonMenu(): FakeMenu {
    return this.#host.wrap('Menu', new FakeMenu(this.#recorder, this.#addonName, true));
  }

  #dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
    const buttonsOf = (value: unknown): ButtonSetName => {
      const name = enumName(value);
      if (!(name in ButtonSet)) throw this.#host.error('Invalid argument: buttons');
      return name as ButtonSetName;
    };
    if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: buttonsOf(args[2]) };
    if (args.length === 2) return { title: '', prompt: String(args[0]), buttons: buttonsOf(args[1]) };
    return { title: '', prompt: String(args[0]), buttons: 'OK' };
  }

  alert(
    ...args:
      | [prompt: string, buttons?: GoogleAppsScript.Base.ButtonSet]
      | [title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet]
  ): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this.#dialogArgs(args);
    const { button } = this.#recorder.nextResponse('alert', buttons, prompt);
    this.#recorder.dialogs.push({ kind: 'alert', title, prompt, buttons, response: button, at: this.#host.clock.iso() });
    return Button[button];
  }

  prompt(
    ...args:
      | [prompt: string, buttons?: GoogleAppsScript.Base.ButtonSet]
      | [title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet]
  ): FakePromptResponse {
    const { title, prompt, buttons } = this.#dialogArgs(args);
    const { button, text } = this.#recorder.nextResponse('prompt', buttons, prompt);
    this.#recorder.dialogs.push({
      kind: 'prompt',
      title,
      prompt,
      buttons,
      response: button,
      responseText: text,
      at: this.#host.clock.iso(),
    });
    return this.#host.wrap('PromptResponse', new FakePromptResponse(text, button));
  }

  #show(kind: HtmlRecord['kind'], output: FakeHtmlOutput, title?: string): void {
    const page = output[INTERNAL];
    this.#recorder.html.push({
      kind,
      title: title ?? page.title,
      html: page.content,
      width: null,
      height: null,
      at: this.#host.clock.iso(),
    });
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this.#show('sidebar', userInterface);
  }
  toString(): string {
    return 'Ui';
  }
}
