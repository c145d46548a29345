// LockService adapter. A document lock, not a script lock: a script lock would make every user of
// the add-on, in every spreadsheet, wait for each other.
/** busy: another execution holds the lock; unavailable: this execution has no document to lock. */
export type Locked<T> = { acquired: true; value: T } | { acquired: false; reason: 'busy' | 'unavailable' };

export function withDocumentLock<T>(waitMs: number, work: () => T): Locked<T> {
  const lock = LockService.getDocumentLock();
  // No document lock (no document context): fail closed rather than run unguarded.
  if (!lock) return { acquired: false, reason: 'unavailable' };
  if (!lock.tryLock(waitMs)) return { acquired: false, reason: 'busy' };
  try {
    return { acquired: true, value: work() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
