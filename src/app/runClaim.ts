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

/** Every run's claim is an entry of this one key (found with one look-up, however large the store). */
const CLAIM_KEY = 'run';
/** Apps Script ends an execution at 6 minutes; a claim older than this is a killed run's. */
export const CLAIM_LIFETIME_MS = 7 * 60 * 1000;

export interface RunClaim {
  /** The claim's own id (in its value). */
  id: string;
  /** Whether this run's claim still stands (read fresh from the spreadsheet: not removed, not expired). */
  stillOurs(): boolean;
  /** Removes the claim (a killed run's expires on its own). */
  release(): void;
}

/** busy: another run holds the spreadsheet; full: the store has no room for the claim; unrecorded: the store refused it. */
export type Claimed = { ok: true; claim: RunClaim } | { ok: false; reason: 'busy' | 'full' | 'unrecorded'; message: string };

interface ClaimRecord {
  id: string;
  at: number;
  by: string;
  trigger: string;
}

function isClaim(value: unknown): value is ClaimRecord {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as ClaimRecord).at === 'number' &&
    typeof (value as ClaimRecord).id === 'string'
  );
}

function isLive(claim: ClaimRecord, now: number): boolean {
  return claim.at > now - CLAIM_LIFETIME_MS && claim.at <= now + CLAIM_LIFETIME_MS;
}

/** The live claims, earliest first (every execution that reads them sorts them the same way). */
function liveClaims(ports: Ports): Array<{ id: string; at: number; order: number }> {
  const now = ports.now();
  return ports.store
    .readShared(CLAIM_KEY)
    .filter((e): e is { value: ClaimRecord; order: number } => isClaim(e.value) && isLive(e.value, now))
    .map((e) => ({ id: e.value.id, at: e.value.at, order: e.order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
}

/** Removes claims left by killed runs, so they do not use the store's room for ever. */
function removeExpired(ports: Ports): void {
  const now = ports.now();
  ports.store.removeShared(CLAIM_KEY, (v) => !isClaim(v) || !isLive(v, now));
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
    const id = written.id;
    if (live.length === 1 && live[0]?.id === id) {
      // What the run reads from now on must include everything the run before it wrote.
      ports.store.refresh();
      return { ok: true, claim: claimOf(ports, id) };
    }
    releaseQuietly(ports, id);
    ports.pause(live[0]?.id === id ? RETRY_FIRST_MS : RETRY_LATER_MS);
  }
  return { ok: false, reason: 'busy', message: BUSY_MESSAGE };
}

function writeClaim(
  ports: Ports,
  trigger: string,
  by: string | null,
): { ok: true; id: string } | Extract<Claimed, { ok: false }> {
  const now = ports.now();
  const id = `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    removeExpired(ports);
    ports.store.addShared(CLAIM_KEY, { id, at: now, by: by ?? '', trigger } satisfies ClaimRecord);
    ports.spreadsheet.flush();
    return { ok: true, id };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = err instanceof StoreFullError ? 'full' : 'unrecorded';
    return { ok: false, reason, message: `This run could not record that it is sending, so it sent nothing: ${message}` };
  }
}

/** A claim won: before each send the run checks, fresh, that it still stands (not removed, not expired). */
function claimOf(ports: Ports, id: string): RunClaim {
  return {
    id,
    stillOurs: () => liveClaims(ports).some((c) => c.id === id),
    release: () => releaseQuietly(ports, id),
  };
}

function releaseQuietly(ports: Ports, id: string): void {
  try {
    ports.store.removeShared(CLAIM_KEY, (v) => isClaim(v) && v.id === id);
    ports.spreadsheet.flush();
  } catch (err) {
    // It expires on its own after CLAIM_LIFETIME_MS.
    console.error(`Could not remove this run's claim: ${err instanceof Error ? err.message : String(err)}`);
  }
}
