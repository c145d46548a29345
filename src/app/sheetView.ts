// The sheet as one read sees it: the snapshot and its plan, as every sidebar view and run starts from.
import { planRun, type RunPlan } from './planRun';
import type { Ports } from './ports';
import { readSnapshot, type Snapshot } from './snapshot';

/** The sheet as read, and its plan. */
export interface SheetView {
  snapshot: Snapshot;
  run: RunPlan;
}

export function readView(ports: Ports): SheetView {
  const snapshot = readSnapshot(ports);
  return { snapshot, run: planRun(snapshot) };
}
