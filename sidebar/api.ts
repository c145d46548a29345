// The ONE boundary to the server: a typed, Promise-returning wrapper over google.script.run.
// The server functions' types come from src/main.ts itself, so renaming or re-typing one of them
// breaks the sidebar's type check instead of failing in a user's browser.
import type * as Server from '../src/main';

/** What google.script.run carries: plain data. Dates are refused, functions vanish. */
export type Jsonify<T> = T extends Date
  ? never
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer U)[]
      ? Jsonify<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonify<T[K]> }
        : T;

/** The server functions the sidebar may call. */
type SidebarFunctions = Pick<
  typeof Server,
  | 'getSidebarData'
  | 'getSelectedInvoice'
  | 'saveTemplate'
  | 'resetTemplate'
  | 'saveSettings'
  | 'setDailyFollowUps'
  | 'recordDispute'
  | 'settleUnsureFollowUp'
  | 'getEvidencePack'
  | 'getSmallClaimsTable'
  | 'saveSmallClaimsTable'
  | 'previewColumnMapping'
  | 'saveColumnMapping'
  | 'recordPromise'
  | 'withdrawPromise'
  | 'confirmDueDate'
  | 'recordCall'
  | 'getCalls'
  | 'getClientReport'
>;
export type ServerFunction = keyof SidebarFunctions;
export type ServerArgs<K extends ServerFunction> = Parameters<SidebarFunctions[K]>;
export type ServerResult<K extends ServerFunction> = Jsonify<ReturnType<SidebarFunctions[K]>>;

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
}

/** A failed call, with a message a user can act on. */
export class ServerError extends Error {
  constructor(
    readonly fn: string,
    message: string,
    readonly raw: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** Turns what google.script.run's failure handler receives into words for the user. */
function readableError(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : error !== null && typeof error === 'object' && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
  const text = raw.replace(/^(?:(?:Script)?Error|Exception|TypeError):\s*/i, '').trim();
  if (/NetworkError|Connection failure|Failed to fetch/i.test(raw))
    return 'Could not reach Google. Check your connection, then try again.';
  if (/Authorization is required|not authorized|PERMISSION_DENIED|You do not have permission/i.test(raw)) {
    return 'The add-on needs your permission again: close the sidebar and open it from the Follow-ups menu.';
  }
  if (/Script function not found/i.test(raw))
    return 'The add-on was updated while the sidebar was open: close the sidebar and open it again.';
  if (/illegal value in property/i.test(raw))
    return `The sidebar sent something the server cannot read (${text}). Please report this.`;
  if (/timed out|Exceeded maximum execution time/i.test(raw))
    return `Google took too long to answer (${text}). Try again in a minute.`;
  return text === '' ? 'Something went wrong on the server. Try again.' : text;
}

function scriptRun(): Runner | null {
  const g = (window as unknown as { google?: { script?: { run?: Runner } } }).google;
  return g?.script?.run ?? null;
}

/**
 * Calls a server function. Always resolves with its JSON result or rejects with a ServerError
 * (there is always a failure handler; a missing google.script.run is a failure too).
 */
export function call<K extends ServerFunction>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise<ServerResult<K>>((resolve, reject) => {
    const run = scriptRun();
    if (!run) {
      reject(
        new ServerError(
          name,
          'This sidebar only works inside Google Sheets: open it from the Follow-ups menu.',
          'no google.script.run',
        ),
      );
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) =>
        reject(new ServerError(name, readableError(error), String((error as Error)?.message ?? error))),
      );
    const fn = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[name];
    if (typeof fn !== 'function') {
      reject(new ServerError(name, readableError('Script function not found: ' + name), 'missing ' + name));
      return;
    }
    try {
      fn.apply(runner, args);
    } catch (error) {
      reject(new ServerError(name, readableError(error), String(error)));
    }
  });
}
