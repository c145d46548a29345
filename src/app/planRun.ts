// Step 2 of a run (pure): from the snapshot, every row's history and plan, and the emails due now.
import { buildHistories, stageFromText, type StatusMemory } from '../domain/history';
import { cellText } from '../domain/dates';
import { currencyForLocale, sumsByCurrency } from '../domain/money';
import { parseInvoiceSheet } from '../domain/parse';
import { planFollowUps, wordsContext, type FollowUpEmail, type Plan, type WordsContext } from '../domain/plan';
import { isEmailStage, isPaid, type InvoiceHistory } from '../domain/stages';
import { ledgerId, type LogRecord } from '../domain/records';
import type { CellValue, EmailStageId, Invoice, IsoDate, ParsedRow } from '../domain/types';
import type { HeaderMap } from '../domain/headers';
import { groupFollowUps, type ClientEmail, type Grouped } from '../domain/group';
import { lastEmailOn } from './clientHistory';
import { contactsByClient, withExtraCc } from './callRecords';
import { dueDateChecks } from './dueDateRecords';
import { LEDGER_PREFIX, type Snapshot } from './snapshot';

export interface RunPlan {
  /** Every row's plan and the emails due now. */
  plan: Plan;
  /**
   * The emails this run sends, one per client when `groupByClient` is on (docs/escalation.md "One
   * email per client"): the plan's, or those of them the user confirmed.
   */
  clientEmails: ClientEmail[];
  /** Each invoice's own email among `clientEmails` (each is recorded as its own stage sent). */
  emails: FollowUpEmail[];
  /** Invoices due now that wait for their client's next email, and until when. */
  waiting: Grouped['waiting'];
  /** Each invoice's history as read, before this run. */
  histories: Map<string, InvoiceHistory>;
  invoices: Map<string, Invoice>;
  /** The log as read: which emails already wait in it as queued (logged once while waiting). */
  log: LogRecord[];
  senderName: string;
  /** What the planned emails' words are filled in with (a waiting invoice's log row quotes its subject). */
  words: WordsContext;
  /** The day of the latest email to each client before this run, by `clientKey`. */
  lastEmailOn: ReadonlyMap<string, IsoDate>;
  /** Days between two emails to one client (the words of a waiting invoice). */
  minGapDays: number;
  today: IsoDate;
  /** Findings about the sheet for the user, each once (a date column read day first…). */
  warnings: string[];
}

export function planRun(snapshot: Snapshot): RunPlan {
  const { config, ctx, header, grid, headerRow } = snapshot;
  const first = headerRow + 1;
  const parsed = parseInvoiceSheet(
    grid.slice(first),
    header.columns,
    { locale: ctx.locale, defaultCurrency: config.settings.currency || currencyForLocale(ctx.locale) },
    {
      firstRow: first + 1,
      paidColumns: header.paidColumns,
      // A copy of the header row further down is labelled 'Header row' (docs/own-sheet.md).
      headerCells: grid[headerRow] ?? [],
      display: snapshot.display.slice(first),
      formulas: snapshot.formulas.slice(first),
    },
  );
  const rows = withExtraCc(parsed.rows, contactsByClient(snapshot.callContacts ?? []));
  const invoices = new Map<string, Invoice>();
  for (const parsed of rows) if (parsed.ok) invoices.set(parsed.invoice.key, parsed.invoice);
  const histories = buildHistories({
    log: snapshot.log,
    disputes: snapshot.disputes,
    ledger: snapshot.ledger,
    statusMemory: statusMemory(rows, grid, header),
  });
  const plan = planFollowUps({
    rows,
    histories,
    settings: config.settings,
    templates: config.templates,
    templatesByLanguage: config.templatesByLanguage,
    ctx,
    selfEmail: snapshot.selfEmail,
    log: snapshot.log,
    promises: snapshot.promises,
    // A due date that looks like a typo holds its invoice until the user confirms it (docs/own-sheet.md).
    dueDates: dueDateChecks(snapshot),
    // The run sends and logs the "promise missed" emails (src/app/notices.ts).
  });
  const lastEmails = lastEmailOn(snapshot.log, snapshot.ledger, invoices);
  const clientHistory = { today: ctx.today, locale: ctx.locale, lastEmailOn: lastEmails, maxInvoices: snapshot.ledgerRoom };
  // The user's "several invoices" templates word the list emails (docs/escalation.md, "Templates").
  const grouped = groupFollowUps(plan.emails, config.settings, clientHistory, (language) => config.templatesByLanguage[language]);
  return {
    plan,
    clientEmails: grouped.emails,
    emails: invoiceEmails(grouped.emails),
    waiting: grouped.waiting,
    lastEmailOn: lastEmails,
    histories,
    invoices,
    log: snapshot.log,
    senderName: config.settings.senderName,
    words: wordsContext({ ctx, settings: config.settings }),
    minGapDays: config.settings.minGapDays,
    today: ctx.today,
    warnings: [...snapshot.headerNotes, ...parsed.warnings.map((w) => w.message)],
  };
}

/** What is overdue per currency (balance and number of invoices), by currency code in order. */
export function overdueByCurrency(run: RunPlan): Array<{ currency: string; balance: number; count: number }> {
  const overdue: Array<{ currency: string; amount: number }> = [];
  for (const row of run.plan.rows) {
    const invoice = row.key !== null && row.error === null ? run.invoices.get(row.key) : undefined;
    if (!invoice || isPaid(invoice) || (row.evaluation?.daysOverdue ?? 0) <= 0) continue;
    overdue.push({ currency: invoice.currency, amount: invoice.balance });
  }
  return sumsByCurrency(overdue)
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map(({ currency, amount }) => ({
      currency,
      balance: amount,
      count: overdue.filter((o) => o.currency === currency).length,
    }));
}

/** Ledger keys of the invoice stages whose latest log row is `queued`. */
export function queuedInLog(log: LogRecord[]): Set<string> {
  const latest = new Map<string, LogRecord['outcome']>();
  for (const r of log) latest.set(LEDGER_PREFIX + ledgerId(r.key, r.stage as EmailStageId), r.outcome);
  const out = new Set<string>();
  for (const [key, outcome] of latest) if (outcome === 'queued') out.add(key);
  return out;
}

/** What the Stage and Last Follow-up columns remember of each invoice. */
function statusMemory(rows: ParsedRow[], grid: CellValue[][], header: HeaderMap): Map<string, StatusMemory> {
  const memory = new Map<string, StatusMemory>();
  const { stage: stageCol, lastFollowUp: lastCol, invoice: invoiceCol } = header.columns;
  if (invoiceCol === undefined || (stageCol === undefined && lastCol === undefined)) return memory;
  for (const parsed of rows) {
    const { row, key } = parsed.ok ? parsed.invoice : parsed.invalid;
    if (!key) continue;
    const cells = grid[row - 1] ?? [];
    const stage = stageCol === undefined ? null : stageFromText(cellText(cells[stageCol] ?? ''));
    const last = lastCol === undefined ? undefined : cells[lastCol];
    const remembered: StatusMemory = {
      stage: stage && isEmailStage(stage) ? stage : null,
      lastFollowUp: last !== undefined && typeof last === 'object' ? last.date : null,
    };
    if (remembered.stage || remembered.lastFollowUp) memory.set(key, remembered);
  }
  return memory;
}

function invoiceEmails(clientEmails: ClientEmail[]): FollowUpEmail[] {
  return clientEmails.flatMap((c) => c.invoices);
}

/** The same email planned again: same invoices and stages, recipients and words. */
export function emailSignature(e: ClientEmail): string {
  const invoices = e.invoices.map((i) => [i.key, i.stage, i.superseded]);
  return JSON.stringify([invoices, e.to, e.cc, e.bcc, e.subject, e.text]);
}

/** The plan of a fresh snapshot, sending only the client emails the user saw and confirmed. */
export function keepConfirmed(plan: RunPlan, confirmed: ClientEmail[]): RunPlan {
  const seen = new Set(confirmed.map(emailSignature));
  const clientEmails = plan.clientEmails.filter((e) => seen.has(emailSignature(e)));
  return { ...plan, clientEmails, emails: invoiceEmails(clientEmails) };
}
