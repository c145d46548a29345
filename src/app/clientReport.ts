// The Clients view and getClientReport() (README "Learning from every client"): the report from
// one read of the sheet, and the advice the daily summary says once (remembered in the store).
import type { AdviceFacts } from '../domain/advice';
import { EMAIL_STAGE_IDS } from '../domain/types';
import { clientReport, type ClientReport } from '../domain/clientReport';
import { clientKey } from '../domain/group';
import { stageOrder } from '../domain/stages';
import { StoreRefusedError, type StorePort } from './ports';
import type { SheetView } from './sheetView';

/** The advice already said in a daily summary: 'client key\u0000code' entries. */
export const ADVICE_TOLD_KEY = 'adviceTold';
/** The last email stage is the formal notice: a client that needed it gets deposit advice. */
const NOTICE_STAGE = EMAIL_STAGE_IDS[EMAIL_STAGE_IDS.length - 1];

export function reportOf({ snapshot, run }: SheetView): ClientReport {
  const invoices = [...run.invoices.values()];
  const disputed = new Set<string>(snapshot.disputes.filter((d) => d.kind === 'open').map((d) => d.key));
  const formalNotice = new Set<string>();
  for (const inv of invoices) {
    if (inv.disputed === true) disputed.add(inv.key);
    const sent = run.histories.get(inv.key)?.lastSentStage ?? null;
    if (sent !== null && NOTICE_STAGE !== undefined && stageOrder(sent) >= stageOrder(NOTICE_STAGE)) formalNotice.add(inv.key);
  }
  return clientReport({ today: snapshot.ctx.today, invoices, disputed, formalNotice });
}

function readTold(store: Pick<StorePort, 'readJson'>): Set<string> {
  const raw = store.readJson(ADVICE_TOLD_KEY).value;
  return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
}

/** The advice not yet said in a summary, and the entries to remember once it is. */
export function newAdvice(view: SheetView, store: Pick<StorePort, 'readJson'>): { facts: AdviceFacts[]; told: string[] } {
  const told = readTold(store);
  const facts: AdviceFacts[] = [];
  const now: string[] = [];
  for (const client of reportOf(view).clients) {
    for (const a of client.advice) {
      const id = `${clientKey(client.client)}\u0000${a.code}`;
      now.push(id);
      if (!told.has(id)) facts.push(a.facts);
    }
  }
  return { facts, told: [...new Set([...told, ...now])] };
}

/**
 * Remembers the advice said (after the summary went out). A store without room refuses it: the
 * advice is then said again in the next summary, and the run's log rows are still written.
 */
export function rememberAdvice(store: Pick<StorePort, 'writeJson'>, told: string[]): void {
  try {
    store.writeJson(ADVICE_TOLD_KEY, told);
  } catch (err) {
    if (!(err instanceof StoreRefusedError)) throw err;
  }
}
