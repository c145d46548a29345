// recordPromise / withdrawPromise for the browser tests, on the google.script.run shim: the page's
// requests are routed so the two functions exist and answer as their contract says (README "The
// sidebar"; docs/escalation.md, "Promises"), and the selected invoice carries the promise in force.
// Every other call goes to the built add-on as usual.
import type { Page, Route } from 'playwright-core';
import type { PreviewServer } from '../../scripts/previewServer';

export interface ShownPromise {
  date: string;
  source: 'column' | 'sidebar';
  missed: boolean;
}

export interface PromiseShim {
  /** The promise in force by invoice number (preset ones stand for a Promised Date column). */
  promises: Map<string, ShownPromise>;
}

const FUNCTIONS = ['recordPromise', 'withdrawPromise'];
const LAST_DAY = '2027-12-31';

type Reply = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
type Selected = { invoice: string; promise: ShownPromise | null } | null;

function refusal(date: unknown, today: string): string | null {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'The promised date is not a date.';
  if (date < today) return 'The promised date cannot be in the past.';
  return date > LAST_DAY ? 'The promised date must be within a year.' : null;
}

/** The two functions, answered here: the invoice comes back as the server would show it now. */
function answer(shim: PromiseShim, server: PreviewServer, today: string, name: string, args: unknown[]): unknown {
  const invoice = String(args[0]);
  if (name === 'recordPromise') {
    const why = refusal(args[1], today);
    if (why !== null)
      return { ok: false, problems: [why], issues: [{ field: 'promisedDate', code: 'out-of-range', message: why }] };
    shim.promises.set(invoice, { date: String(args[1]), source: 'sidebar', missed: false });
  } else shim.promises.delete(invoice);
  const { selected } = server.addon.callAsScriptRun('getSelectedInvoice') as { selected: Selected };
  return { ok: true, invoice: withPromise(shim, selected) };
}

function withPromise(shim: PromiseShim, selected: Selected): Selected {
  return selected ? { ...selected, promise: shim.promises.get(selected.invoice) ?? null } : selected;
}

async function run(shim: PromiseShim, server: PreviewServer, today: string, route: Route): Promise<void> {
  const { name, args } = route.request().postDataJSON() as { name: string; args: unknown[] };
  if (FUNCTIONS.includes(name)) {
    server.calls.push({ name, args });
    return route.fulfill({ json: { ok: true, value: answer(shim, server, today, name, args) } });
  }
  if (name !== 'getSelectedInvoice' && name !== 'getSidebarData') return route.continue();
  const response = await route.fetch();
  const reply = (await response.json()) as Reply;
  if (reply.ok) {
    const value = reply.value as { selected: Selected };
    reply.value = { ...value, selected: withPromise(shim, value.selected) };
  }
  return route.fulfill({ response, json: reply });
}

/** Routes the page's requests (call it before the page opens: a `before` of session.open). */
export async function shimPromises(page: Page, server: PreviewServer, today: string, shim: PromiseShim): Promise<void> {
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const names = JSON.stringify(FUNCTIONS).slice(1, -1);
      const body = (await response.text()).replace('var NAMES = [', `var NAMES = [${names},`);
      await route.fulfill({ response, body });
    },
  );
  await page.route('**/__run', (route) => run(shim, server, today, route));
}
