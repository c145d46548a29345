// What the sidebar knows: the data of the one opening call, kept up to date by later calls.
import type { ServerResult } from './api';

export type SidebarData = ServerResult<'getSidebarData'>;
export type InvoiceView = NonNullable<SidebarData['selected']>;
export type TemplateView = SidebarData['templates'][number];
export type SettingsView = SidebarData['settings'];

type Topic = 'selected' | 'templates' | 'settings' | 'overview';

export class Store {
  #listeners = new Map<Topic, Array<() => void>>();
  /** True when a change (a dispute, a settled send, new settings) may have made the overview old. */
  overviewStale = false;

  constructor(public data: SidebarData) {}

  on(topic: Topic, fn: () => void): void {
    this.#listeners.set(topic, [...(this.#listeners.get(topic) ?? []), fn]);
  }

  emit(topic: Topic): void {
    for (const fn of this.#listeners.get(topic) ?? []) fn();
  }

  get selected(): InvoiceView | null {
    return this.data.selected;
  }

  setSelected(selected: InvoiceView | null, note: string | null): void {
    this.data = { ...this.data, selected, selectionNote: note };
    this.emit('selected');
  }

  /** A fresh getSidebarData (the Refresh button). */
  replaceAll(data: SidebarData): void {
    this.data = data;
    this.overviewStale = false;
    for (const topic of ['templates', 'settings', 'selected', 'overview'] as const) this.emit(topic);
  }

  /** A template saved or reset: in its language's list, and in `templates` when that is the default language. */
  replaceTemplate(t: TemplateView): void {
    const swap = (list: TemplateView[]): TemplateView[] => list.map((x) => (x.id === t.id && x.language === t.language ? t : x));
    const byLanguage = { ...this.data.templatesByLanguage, [t.language]: swap(this.data.templatesByLanguage[t.language] ?? []) };
    this.data = { ...this.data, templates: swap(this.data.templates), templatesByLanguage: byLanguage };
    this.emit('templates');
  }

  setSettings(settings: SettingsView, dailyOn: boolean): void {
    this.data = { ...this.data, settings, dailyOn };
    this.markStale();
    this.emit('settings');
  }

  /** The daily trigger turned on or off (the settings form keeps any edits in progress). */
  setDailyOn(dailyOn: boolean): void {
    this.data = { ...this.data, dailyOn };
    this.emit('overview');
  }

  markStale(): void {
    this.overviewStale = true;
    this.emit('overview');
  }
}
