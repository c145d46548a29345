// LockService adapter. The document lock where the execution has one; otherwise (an add-on's daily
// run without a document context) the user's lock, which still serialises the daily run against
// the same user's menu and sidebar runs. Across users, the send ledger keeps each email to one send
// (README "Where the add-on keeps its data").
/** busy: another execution holds the lock; unavailable: no lock could be had. */
export type Locked<T> = { acquired: true; value: T } | { acquired: false; reason: 'busy' | 'unavailable' };

/** Which lock this execution gets: the document's, or the user's. */
export function lockKind(): 'document' | 'user' {
  return documentLock() ? 'document' : 'user';
}

function documentLock(): GoogleAppsScript.Lock.Lock | null {
  return LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
}

export function withLock<T>(waitMs: number, work: () => T): Locked<T> {
  const lock = documentLock() ?? LockService.getUserLock();
  if (!lock.tryLock(waitMs)) return { acquired: false, reason: 'busy' };
  try {
    return { acquired: true, value: work() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
