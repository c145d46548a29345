// LockService. Waiting never sleeps: it advances the simulated clock, to the moment another
// execution (simulated by the test) lets go, or by the whole timeout. A lock belongs to the
// execution that took it (a nested execution waits for the enclosing one's lock in vain) and is
// released at that execution's end only.

import type { Host } from './core';
import type { Faked } from './faked';

type GLock = GoogleAppsScript.Lock.Lock;
type GLockService = GoogleAppsScript.Lock.LockService;

interface Slot {
  /** A Lock object of the code under test holding the slot. */
  holder: FakeLock | null;
  /** The execution (ExecutionState.id) that took it. */
  owner: number;
  /** Another (simulated) execution holds it until this time; Infinity = until releaseHeld(). */
  heldElsewhereUntil: number | null;
}

export class LockTable {
  readonly #slots = new Map<string, Slot>();
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
  }

  #slot(key: string): Slot {
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { holder: null, owner: 0, heldElsewhereUntil: null };
      this.#slots.set(key, slot);
    }
    return slot;
  }

  /** Test helper: another execution takes the lock (now), optionally letting go after `releaseAfterMs`. */
  holdElsewhere(key: string, releaseAfterMs = Infinity): void {
    const slot = this.#slot(key);
    if (slot.holder) throw new Error(`locks: ${key} is held by the code under test; cannot hold it elsewhere too`);
    slot.heldElsewhereUntil = this.#host.clock.now() + releaseAfterMs;
  }

  /** Who holds what (runtime.saveState). */
  save(): ReadonlyMap<string, Readonly<Slot>> {
    return new Map([...this.#slots].map(([key, slot]) => [key, { ...slot }]));
  }
  restore(saved: ReadonlyMap<string, Readonly<Slot>>): void {
    this.#slots.clear();
    for (const [key, slot] of saved) this.#slots.set(key, { ...slot });
  }

  /** Test helper: every lock held by "another execution" is released. */
  releaseHeld(): void {
    for (const slot of this.#slots.values()) slot.heldElsewhereUntil = null;
  }

  /**
   * End of an execution: Apps Script releases whatever it still held. Only that execution's: an
   * enclosing execution (a nested run's) keeps its locks.
   */
  releaseExecutionLocks(execution: number): void {
    for (const slot of this.#slots.values()) if (slot.owner === execution) slot.holder = null;
  }

  /** Whether this Lock object holds the slot, in the execution running now. */
  #mine(slot: Slot, lock: FakeLock): boolean {
    return slot.holder === lock && slot.owner === this.#host.execution.id;
  }

  #take(slot: Slot, lock: FakeLock): true {
    slot.holder = lock;
    slot.owner = this.#host.execution.id;
    return true;
  }

  isHeld(key: string): 'free' | 'by-code-under-test' | 'elsewhere' {
    const slot = this.#slot(key);
    if (slot.holder) return 'by-code-under-test';
    if (slot.heldElsewhereUntil !== null && slot.heldElsewhereUntil > this.#host.clock.now()) return 'elsewhere';
    return 'free';
  }

  acquire(key: string, lock: FakeLock, timeoutMs: number): boolean {
    const slot = this.#slot(key);
    const clock = this.#host.clock;
    if (this.#mine(slot, lock)) return true;
    const now = clock.now();
    if (slot.heldElsewhereUntil !== null && slot.heldElsewhereUntil <= now) slot.heldElsewhereUntil = null;
    if (!slot.holder && slot.heldElsewhereUntil === null) return this.#take(slot, lock);
    // Held by code under test (this or an enclosing execution): never let go while this one waits.
    const freeAt = slot.holder ? Infinity : (slot.heldElsewhereUntil ?? Infinity);
    if (freeAt <= now + timeoutMs) {
      clock.advance(freeAt - now);
      slot.heldElsewhereUntil = null;
      return this.#take(slot, lock);
    }
    clock.advance(Math.max(0, timeoutMs));
    return false;
  }

  release(key: string, lock: FakeLock): void {
    const slot = this.#slot(key);
    if (this.#mine(slot, lock)) slot.holder = null;
  }

  holds(key: string, lock: FakeLock): boolean {
    return this.#mine(this.#slot(key), lock);
  }
}

const MAX_TIMEOUT_MS = 300_000;

export class FakeLock implements Faked<GLock, 'tryLock' | 'releaseLock'> {
  readonly #host: Host;
  readonly #table: LockTable;
  readonly #key: string;

  constructor(host: Host, table: LockTable, key: string) {
    this.#host = host;
    this.#table = table;
    this.#key = key;
  }
  #timeout(timeoutInMillis: number): number {
    if (typeof timeoutInMillis !== 'number' || !Number.isFinite(timeoutInMillis) || timeoutInMillis < 0) {
      throw this.#host.error('Invalid argument: timeoutInMillis');
    }
    return Math.min(timeoutInMillis, MAX_TIMEOUT_MS);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this.#table.acquire(this.#key, this, this.#timeout(timeoutInMillis));
  }
  releaseLock(): void {
    this.#table.release(this.#key, this);
  }
  toString(): string {
    return 'Lock';
  }
}

export interface LockWorld {
  host: Host;
  table: LockTable;
  /** Id of the active document, or null (no document lock then). */
  documentId(): string | null;
  userEmail(): string;
}

/** Real typings say getDocumentLock() is never null; outside a document it is. */
export type FakeLockServiceApi = Faked<GLockService, 'getUserLock'> & {
  getDocumentLock(): FakeLock | null;
};

export class FakeLockService implements FakeLockServiceApi {
  readonly #world: LockWorld;
  constructor(world: LockWorld) {
    this.#world = world;
  }
  #lock(key: string): FakeLock {
    return this.#world.host.wrap('Lock', new FakeLock(this.#world.host, this.#world.table, key));
  }
  getDocumentLock(): FakeLock | null {
    const id = this.#world.documentId();
    return id === null ? null : this.#lock(`document:${id}`);
  }
  getUserLock(): FakeLock {
    return this.#lock(`user:${this.#world.userEmail()}`);
  }
  toString(): string {
    return 'LockService';
  }
}
