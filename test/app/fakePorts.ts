// Plain-object ports for unit tests of src/app: sheets as arrays of plain cells, a Map store,
// a mail outbox, a lock that can be held. Every read and write is counted.
import type { ClientEmail } from '../../src/domain/group';
import { defaultSettings } from '../../src/domain/settings';
import type { CellValue, StatusField } from '../../src/domain/types';
import type { MailMessage, OutCell, Ports, SheetPort } from '../../src/app/ports';

export const INVOICE_HEADERS = ['Invoice', 'Client', 'Email', 'Billing Email', 'Amount', 'Due Date', 'Paid Date'];

export interface FakeSheet extends SheetPort {
  cells: CellValue[][];
  /** The add-on's marked status columns, 1-based as marked. */
  owned: Partial<Record<StatusField, number>>;
  reads: number;
  writes: number;
}

function cellOf(v: OutCell): CellValue {
  return typeof v === 'object' && 'at' in v ? { date: new Date(v.at).toISOString().slice(0, 10) } : v;
}

export function fakeSheet(name: string, cells: CellValue[][]): FakeSheet {
  const sheet: FakeSheet = {
    name,
    cells,
    owned: {},
    reads: 0,
    writes: 0,
    readCells() {
      sheet.reads++;
      return sheet.cells.map((r) => [...r]);
    },
    readGrids() {
      const cells = sheet.readCells();
      const display = cells.map((r) => r.map((v) => (typeof v === 'object' ? v.date : String(v))));
      return { cells, display, formulas: cells.map((r) => r.map(() => '')) };
    },
    readCellsAndFormulas() {
      const { cells, formulas } = this.readGrids();
      return { cells, formulas };
    },
    // Part of the same snapshot as readCellsAndFormulas: `reads` counts snapshots, so this one is not counted.
    readDisplay(rows, width) {
      return sheet.cells.slice(0, rows).map((r) => r.slice(0, width).map((v) => (typeof v === 'object' ? v.date : String(v))));
    },
    ownedColumns() {
      const out: Partial<Record<StatusField, number>> = {};
      for (const [field, column] of Object.entries(sheet.owned)) out[field as StatusField] = column - 1;
      return out;
    },
    markOwned(column, field) {
      sheet.owned[field] = column;
    },
    readRow: (row) => [...(sheet.cells[row - 1] ?? [])],
    writeCells(row, column, values) {
      sheet.writes++;
      values.forEach((r, i) => {
        const target = (sheet.cells[row - 1 + i] ??= []);
        r.forEach((v, j) => {
          while (target.length < column - 1 + j) target.push('');
          target[column - 1 + j] = cellOf(v);
        });
      });
    },
    lastRow: () => sheet.cells.length,
    lastColumn: () => Math.max(0, ...sheet.cells.map((r) => r.length)),
    formatColumn: () => undefined,
    checkboxColumn: () => undefined,
    freezeHeader: () => undefined,
  };
  return sheet;
}

export interface FakePorts extends Ports {
  sheets: Map<string, FakeSheet>;
  props: Map<string, string>;
  /** The entries of shared keys (the runs' claims), as the store holds them. */
  shared: Array<{ key: string; json: string; order: number }>;
  /** Every store write, in order: [key, state of a ledger entry or the JSON]. */
  storeWrites: Array<[string, unknown]>;
  /** What was handed to MailApp: a client email (with its invoices), a notice (with its invoice key) or the summary. */
  outbox: Array<Omit<MailMessage, 'invoices'> & Partial<Pick<ClientEmail, 'invoices' | 'clientKey'>> & { key?: string }>;
  failSend: ((email: MailMessage) => Error | null) | null;
  lockHeld: boolean;
}

export function fakePorts(today: string, invoiceRows: CellValue[][]): FakePorts {
  const sheets = new Map<string, FakeSheet>([['Invoices', fakeSheet('Invoices', [INVOICE_HEADERS, ...invoiceRows])]]);
  const props = new Map<string, string>([['settings', JSON.stringify({ ...defaultSettings(), senderName: 'Sam' })]]);
  // Entries of shared keys (several per key: the runs' claims), in the order they were added.
  const shared: Array<{ key: string; json: string; order: number }> = [];
  let nextOrder = 1;
  const ports: FakePorts = {
    sheets,
    props,
    shared,
    storeWrites: [],
    outbox: [],
    failSend: null,
    lockHeld: false,
    spreadsheet: {
      id: 'ss',
      timeZone: 'UTC',
      locale: 'en_US',
      today: () => today,
      find: (name) => sheets.get(name) ?? null,
      ensure(name, headers) {
        if (!sheets.has(name)) sheets.set(name, fakeSheet(name, [[...headers]]));
        return sheets.get(name)!;
      },
      createSheet: (name) => (sheets.has(name) ? null : (sheets.set(name, fakeSheet(name, [])), sheets.get(name)!)),
      insertHeaderRow: (sheet, headers) => void (sheet as FakeSheet).cells.unshift([...headers]),
      appendRowAtomic: (sheet, row) => void (sheet as FakeSheet).cells.push(row.map(cellOf)),
      selection: () => ({ sheetName: 'Invoices', row: 2 }),
      flush: () => undefined,
      toast: () => undefined,
      sheetNames: () => [...sheets.keys()],
      url: () => 'https://docs.google.com/spreadsheets/d/ss/edit',
    },
    store: {
      readJson: (key) => ({ value: props.has(key) ? JSON.parse(props.get(key)!) : null, warning: null }),
      writeJson(key, value) {
        ports.storeWrites.push([key, (value as { state?: string })?.state ?? value]);
        props.set(key, JSON.stringify(value));
      },
      delete: (key) => void props.delete(key),
      readAllJson: (prefix) =>
        [...props].filter(([k]) => k.startsWith(prefix)).map(([key, v]) => ({ key, value: JSON.parse(v) as unknown })),
      ledgerRoom: () => 100,
      room: () => 30_000,
      entrySize: (key, value) => 4 + key.length + JSON.stringify(value).length,
      refresh: () => undefined,
      readShared: (key) =>
        shared.filter((e) => e.key === key).map((e) => ({ value: JSON.parse(e.json) as unknown, order: e.order })),
      addShared: (key, value) => void shared.push({ key, json: JSON.stringify(value), order: nextOrder++ }),
      removeShared(key, matches) {
        for (let i = shared.length - 1; i >= 0; i--) {
          const e = shared[i]!;
          if (e.key === key && matches(JSON.parse(e.json))) shared.splice(i, 1);
        }
      },
      ignoredEntries: () => 0,
    },
    mail: {
      remainingDailyQuota: () => 100,
      send(message) {
        const email = message as FakePorts['outbox'][number];
        const error = ports.failSend?.(email) ?? null;
        if (error) throw error;
        ports.outbox.push(email);
      },
      selfEmail: () => 'me@example.test',
    },
    lock: {
      withLock: (work) => (ports.lockHeld ? { acquired: false, reason: 'busy' } : { acquired: true, value: work() }),
    },
    triggers: {
      isOn: () => false,
      status: () => ({ on: false, owner: null, hour: null, mine: false }),
      install: () => ({ ok: true }),
      remove: () => 0,
      claimRun: () => true,
    },
    documents: { pdfBase64: (document) => Buffer.from(document.html).toString('base64') },
    platform: {
      context: () => ({
        activeSpreadsheet: true,
        documentStore: true,
        documentLock: true,
        emailQuota: 100,
        authorization: 'granted',
        user: null,
      }),
      storeUsage: () => ({ total: 0, totalLimit: 30_000, config: 0, configLimit: 20_000 }),
      triggerSourceId: () => null,
    },
    now: () => Date.parse(`${today}T09:00:00Z`),
    pause: () => undefined,
  };
  return ports;
}

/** An invoice row: number, client, email, billing email, amount, due date. */
export function invoice(number: string, due: string, billing = ''): CellValue[] {
  return [number, `Client ${number}`, `${number.toLowerCase()}@client.test`, billing, 1000, { date: due }, ''];
}

/** The log sheet as records keyed by header. */
export function logRows(ports: FakePorts): Array<Record<string, CellValue>> {
  const [header, ...rows] = ports.sheets.get('Follow-up Log')?.cells ?? [];
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i] ?? ''])));
}
