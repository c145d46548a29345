// Executions as a stack: the test's own code is the bottom one; each addon.call / runTrigger /
// fireOnOpen pushes one, and a run started inside another (in a beforeCall hook) pushes one more.
// Each execution has its own locks, its own kill state and its own durable copy of the
// spreadsheets; whatever it changes about the context is put back when it ends.
//
// Spreadsheet writes are batched on the platform: the SpreadsheetApp overview says "spreadsheet
// operations are bundled together to improve performance … call SpreadsheetApp.flush()" to apply
// them right away. An execution the platform kills (Apps Script "Quotas for Google Services":
// script runtime 6 min / execution) loses what it had not flushed. Properties, mail and triggers
// are immediate and never lost.

import type { AuthModeName, ExecutionState, Faults, Host } from './core';
import type { SpreadsheetModel, SpreadsheetState } from './sheetModel';
import type { SpreadsheetStore } from './spreadsheet';

/** Who and where an execution runs: what the loader and the tests switch, restored at its end. */
export interface ExecutionContext {
  activeSpreadsheetId: string | null;
  uiAvailable: boolean;
  authMode: AuthModeName;
  inTrigger: boolean;
  documentContext: string | null | undefined;
  effectiveUser: string;
  activeUser: string;
}

type Durable = ReadonlyMap<SpreadsheetModel, SpreadsheetState>;

interface Frame extends ExecutionState {
  /** The context at its start (null for the bottom frame, the test's own code). */
  readonly saved: ExecutionContext | null;
  /** What a kill restores: the spreadsheets at its start or last flush; null while no kill is armed. */
  durable: Durable | null;
}

export interface ExecutionWorld {
  host: Host;
  faults: Faults;
  store: SpreadsheetStore;
  readContext(): ExecutionContext;
  writeContext(context: ExecutionContext): void;
  releaseLocks(execution: number): void;
}

export interface ExecutionEnd {
  /** The kill exception when the execution was killed (its unflushed writes are undone by then). */
  killedBy: Error | null;
}

/**
 * The stack of executions. Durable copies (deep copies of every spreadsheet model) are kept only
 * while a kill is armed, so a run without kills copies nothing (scripts/bench.ts's 50,000 rows).
 */
export class Executions {
  readonly #world: ExecutionWorld;
  readonly #frames: Frame[] = [];
  #nextId = 1;

  constructor(world: ExecutionWorld) {
    this.#world = world;
    const bottom: Frame = { id: 0, killed: null, saved: null, durable: null };
    this.#frames.push(bottom);
    world.host.execution = bottom;
    world.faults.onKillArmed(() => this.#armed());
  }

  /** 0 in the test's own code, 1 in an addon.call, 2 in a run nested in it, … */
  get depth(): number {
    return this.#frames.length - 1;
  }

  get current(): Frame {
    const top = this.#frames[this.#frames.length - 1];
    if (!top) throw new Error('executions: the stack is empty');
    return top;
  }

  /** A new execution starts (in the current context; the loader then sets its own). */
  begin(): void {
    const frame: Frame = {
      id: this.#nextId++,
      killed: null,
      saved: this.#world.readContext(),
      durable: this.#world.faults.killArmed() ? this.#copyAll() : null,
    };
    this.#frames.push(frame);
    this.#world.host.execution = frame;
  }

  /**
   * The current execution ends: if it was killed, every spreadsheet goes back to its durable copy;
   * its locks are released; its context is put back. A normal end makes its writes durable for
   * the executions around it. Ending the bottom frame (the test's own code) starts it afresh.
   */
  end(): ExecutionEnd {
    const frame = this.current;
    const killedBy = frame.killed;
    if (killedBy && frame.durable) for (const [model, state] of frame.durable) model.restoreState(state);
    this.#world.releaseLocks(frame.id);
    if (this.#frames.length === 1) {
      frame.killed = null;
      frame.durable = this.#world.faults.killArmed() ? this.#copyAll() : null;
      return { killedBy };
    }
    this.#frames.pop();
    if (frame.saved) this.#world.writeContext(frame.saved);
    this.#world.host.execution = this.current;
    if (!killedBy) this.commit();
    return { killedBy };
  }

  /** The next execution's id (runtime.saveState, which runs between executions only). */
  get nextId(): number {
    return this.#nextId;
  }

  /** Back to the test's own code at a saved point: no execution running, nothing killed. */
  restore(nextId: number): void {
    if (this.depth !== 0) throw new Error('executions.restore: an execution is running');
    const bottom = this.current;
    bottom.killed = null;
    bottom.durable = null;
    this.#nextId = nextId;
  }

  /** SpreadsheetApp.flush(): what was written so far survives a kill. */
  flush(): void {
    this.commit();
  }

  /**
   * Something durable happened: a flush, a nested execution's normal end, a test-side edit
   * (RawSheet, plantMetadata) made while a run is under way. Every live execution's durable copy
   * is taken again. The fake keeps one model for all executions, so it cannot tell an enclosing
   * execution's pending writes from what became durable: they become durable too (a state the
   * platform can also reach, as it may apply pending writes at any time).
   */
  commit(): void {
    const live = this.#frames.filter((frame) => !frame.killed);
    if (!live.some((frame) => frame.durable)) return;
    const copy = this.#world.faults.killArmed() ? this.#copyAll() : null;
    for (const frame of live) frame.durable = copy;
  }

  /** A kill was just armed: every execution without a durable copy takes one now. */
  #armed(): void {
    let copy: Durable | null = null;
    for (const frame of this.#frames) {
      if (!frame.killed && !frame.durable) frame.durable = copy ??= this.#copyAll();
    }
  }

  #copyAll(): Durable {
    return new Map(this.#world.store.all().map((model) => [model, model.saveState()]));
  }
}
