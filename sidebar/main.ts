// The sidebar: one getSidebarData call on opening, then four tabs (Overview, Templates, Disputes,
// Settings). Plain DOM, text only — see dom.ts.
import { call } from './api';
import { byId, fill, h } from './dom';
import { Store } from './state';
import { announce, clearMessages, errorText } from './ui';
import { clientsView, type ClientsView } from './views/clients';
import { disputesView } from './views/disputes';
import { overviewView } from './views/overview';
import { settingsView } from './views/settings';
import { templatesView, type TemplatesView } from './views/templates';

const TABS = ['overview', 'templates', 'disputes', 'clients', 'settings'] as const;
type Tab = (typeof TABS)[number];

let current: Tab = 'overview';
let templates: TemplatesView | null = null;
let clients: ClientsView | null = null;

const tabButton = (tab: Tab): HTMLButtonElement => byId<HTMLButtonElement>(`tab-${tab}`);
const panel = (tab: Tab): HTMLElement => byId(`panel-${tab}`);

async function selectTab(tab: Tab, focus: boolean): Promise<void> {
  if (tab !== current && current === 'templates' && templates && !(await templates.confirmDiscard('leave the Templates tab'))) {
    tabButton('templates').focus();
    return;
  }
  current = tab;
  if (tab === 'clients') clients?.load();
  for (const t of TABS) {
    const on = t === tab;
    const button = tabButton(t);
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    panel(t).hidden = !on;
  }
  if (focus) tabButton(tab).focus();
}

function wireTabs(): void {
  for (const tab of TABS) {
    const button = tabButton(tab);
    button.addEventListener('click', () => void selectTab(tab, false));
    button.addEventListener('keydown', (e: KeyboardEvent) => {
      const i = TABS.indexOf(tab);
      const next =
        e.key === 'ArrowRight'
          ? TABS[(i + 1) % TABS.length]
          : e.key === 'ArrowLeft'
            ? TABS[(i - 1 + TABS.length) % TABS.length]
            : e.key === 'Home'
              ? TABS[0]
              : e.key === 'End'
                ? TABS[TABS.length - 1]
                : undefined;
      if (!next) return;
      e.preventDefault();
      void selectTab(next, true);
    });
  }
}

function mount(store: Store): void {
  templates = templatesView(store);
  fill(panel('overview'), overviewView(store).el);
  fill(panel('templates'), templates.el);
  fill(panel('disputes'), disputesView(store).el);
  clients = clientsView(store);
  fill(panel('clients'), clients.el);
  fill(panel('settings'), settingsView(store).el);
  // A run is blocked by the header row: open on the Columns step (in Settings).
  if (store.data.columns?.needed) {
    void selectTab('settings', false);
    document.getElementById('columns-step')?.focus();
  }
  document.documentElement.dataset.ready = 'true';
}

function load(): void {
  call('getSidebarData').then(
    (data) => {
      clearMessages();
      mount(new Store(data));
    },
    (error: unknown) => {
      const message = errorText('Opening the sidebar', error);
      const retry = (): void => {
        for (const t of TABS) fill(panel(t), h('p', { class: 'hint loading' }, 'Loading…'));
        load();
      };
      for (const t of TABS)
        fill(
          panel(t),
          h('p', { class: 'error-text' }, message),
          h('button', { type: 'button', class: 'primary', onclick: retry }, 'Try again'),
        );
      announce(message, 'error');
      document.documentElement.dataset.ready = 'error';
    },
  );
}

window.addEventListener('beforeunload', (e) => {
  if (templates?.isDirty()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

wireTabs();
load();
