// The sidebar's server side for calls and clients (README "The day-14 call" and "Learning from
// every client"). Every function returns plain JSON; a write takes the document lock like a run.
import type { CallCard } from '../domain/calls';
import type { Advice } from '../domain/advice';
import type { ClientReport, ClientRow } from '../domain/clientReport';
import { callsDue } from './callsDue';
import { recordCall } from './calls';
import { reportOf } from './clientReport';
import type { Environment, Ports } from './ports';
import { readView } from './sheetView';
import type { InvoiceView, SaveResult } from './sidebarTypes';

function portsHere(env: Environment): Ports {
  const ports = env.activePorts();
  if (!ports) throw new Error('Open the spreadsheet first.');
  return ports;
}

/** Records what came of a call; returns the invoice again and the calls still to make. */
export function recordCallFromSidebar(
  env: Environment,
  invoiceNumber: unknown,
  outcome: unknown,
  details: unknown,
): SaveResult & { invoice?: InvoiceView | null; calls?: CallCard[] } {
  return recordCall(portsHere(env), invoiceNumber, outcome, details);
}

/** The calls to make now (listed until a call is recorded, or the invoice is paid or disputed). */
export function callsData(env: Environment): CallCard[] {
  return callsDue(readView(portsHere(env)));
}

/** Every client's payments, what it owes, the advice, and the aging per currency. */
/** The client report as the sidebar and `getClientReport()` return it: each piece of advice as `{ code, text }`. */
export type ClientReportJson = Omit<ClientReport, 'clients'> & {
  clients: Array<Omit<ClientRow, 'advice'> & { advice: Array<Pick<Advice, 'code' | 'text'>> }>;
};

export function clientReportData(env: Environment): ClientReportJson {
  const report = reportOf(readView(portsHere(env)));
  // The sidebar gets each piece of advice as its code and sentence (the facts behind it stay on the server).
  const clients = report.clients.map((c) => ({ ...c, advice: c.advice.map(({ code, text }) => ({ code, text })) }));
  return { ...report, clients };
}
