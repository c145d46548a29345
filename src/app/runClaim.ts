// One sending run at a time per spreadsheet, in every context (README "Duplicates: what the add-on
// promises"). Locks cannot give that: a daily run without a document lock takes the user's lock,
// and another editor's run takes another user lock. So a sending run also writes a claim into the
// store every execution shares, flushes it, and reads every claim back fresh from the spreadsheet.
// It goes ahead only when its claim is the only live one: of two runs that both do so, the second
// to flush reads the first's claim, so they can never both go ahead, however long the platform
// held either write back. When two runs see each other, both withdraw; the one whose claim comes
// first (by time, then by the order the spreadsheet gave the entries: every run sees the same
// order) tries again sooner, finds itself alone and wins; the other then finds it and stops.
// A claim older than CLAIM_LIFETIME_MS belongs to an execution the platform has ended.
import { StoreFullError, type Ports } from './ports';

const CLAIM_PREFIX = 'run:';
/** Apps Script ends an execution at 6 minutes; a claim older than this is a killed run's. */
export const CLAIM_LIFETIME_MS = 7 * 60 * 1000;

export interface RunClaim {
  /** The claim's store key. */
  key: string;
  /** Whether this run still holds the winning claim (read fresh from the spreadsheet). */
  stillOurs(): boolean;
  /** Removes the claim (a killed run's expires on its own). */
  release(): void;
}

/** busy: another run holds the spreadsheet; full: the store has no room for the claim; unrecorded: the store refused it. */
export type Claimed = { ok: true; claim: RunClaim } | { ok: false; reason: 'busy' | 'full' | 'unrecorded'; message: string };

interface ClaimRecord {
  at: number;
  by: string;
  trigger: string;
}

function isClaim(value: unknown): value is ClaimRecord {
  return !!value && typeof value === 'object' && typeof (value as ClaimRecord).at === 'number';
}

/** The live claims, earliest first (every execution that reads them sorts them the same way). */
function liveClaims(ports: Ports): Array<{ key: string; at: number; order: number }> {
  const now = ports.now();
  return ports.store
    .readFreshOrdered(CLAIM_PREFIX)
    .filter((e): e is { key: string; value: ClaimRecord; order: number } => isClaim(e.value))
    .map((e) => ({ key: e.key, at: e.value.at, order: e.order }))
    .filter((c) => c.at > now - CLAIM_LIFETIME_MS && c.at <= now + CLAIM_LIFETIME_MS)
    .sort((a, b) => a.at - b.at || a.order - b.order);
}

/** Removes claims left by killed runs, so they do not use the store's room for ever. */
function removeExpired(ports: Ports): void {
  const live = new Set(liveClaims(ports).map((c) => c.key));
  for (const { key } of ports.store.readAllJson(CLAIM_PREFIX)) {
    if (!live.has(key)) ports.store.delete(key);
  }
}

/** Whether another run is sending now (read fresh): a menu run says so before asking anything. */
export function anotherRunSending(ports: Ports): boolean {
  return liveClaims(ports).length > 0;
}

export const BUSY_MESSAGE = 'Another follow-up run is in progress in this spreadsheet, so this run sent nothing.';

/** How long a run that saw another's claim waits before trying again: the first claim's run, then the others. */
const RETRY_FIRST_MS = 1_000;
const RETRY_LATER_MS = 4_000;
const ATTEMPTS = 3;

/** Claims the spreadsheet for one sending run, or says why not (another run holds it; the store refused the claim). */
export function claimSendingRun(ports: Ports, trigger: string, by: string | null): Claimed {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (liveClaims(ports).length > 0) return { ok: false, reason: 'busy', message: BUSY_MESSAGE };
    const written = writeClaim(ports, trigger, by);
    if (!written.ok) return written;
    const live = liveClaims(ports);
    const key = written.key;
    if (live.length === 1 && live[0]?.key === key) return { ok: true, claim: claimOf(ports, key) };
    releaseQuietly(ports, key);
    ports.pause(live[0]?.key === key ? RETRY_FIRST_MS : RETRY_LATER_MS);
  }
  return { ok: false, reason: 'busy', message: BUSY_MESSAGE };
}

function writeClaim(
  ports: Ports,
  trigger: string,
  by: string | null,
): { ok: true; key: string } | Extract<Claimed, { ok: false }> {
  const now = ports.now();
  const key = `${CLAIM_PREFIX}${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    removeExpired(ports);
    ports.store.writeJson(key, { at: now, by: by ?? '', trigger } satisfies ClaimRecord);
    ports.spreadsheet.flush();
    return { ok: true, key };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = err instanceof StoreFullError ? 'full' : 'unrecorded';
    return { ok: false, reason, message: `This run could not record that it is sending, so it sent nothing: ${message}` };
  }
}

/** A claim won: before each send the run checks, fresh, that it still stands (not removed, not expired). */
function claimOf(ports: Ports, key: string): RunClaim {
  return {
    key,
    stillOurs: () => liveClaims(ports).some((c) => c.key === key),
    release: () => releaseQuietly(ports, key),
  };
}

function releaseQuietly(ports: Ports, key: string): void {
  try {
    ports.store.delete(key);
    ports.spreadsheet.flush();
  } catch (err) {
    // It expires on its own after CLAIM_LIFETIME_MS.
    console.error(`Could not remove this run's claim: ${err instanceof Error ? err.message : String(err)}`);
  }
}
