// The in-memory Apps Script runtime for Node: fakes of the services the add-on uses, a simulated
// clock, call counting, fault injection, and a loader that runs the built dist/ like Apps Script.

export { createRuntime, RawSpreadsheet, FakeLogger } from './runtime';
export type {
  Runtime,
  RuntimeOptions,
  RuntimeState,
  ResolvedOptions,
  FakeGlobals,
  FakeConsole,
  LogEntry,
  LockHoldOptions,
} from './runtime';
export { loadAddon, callAsScriptRun, ScriptRunError } from './loader';
export type { LoadOptions, LoadedAddon, JsonValue, ScriptRunOptions } from './loader';
export { RawSheet } from './rawSheet';
export type { PlantedMetadata } from './rawSheet';
export type { ExecutionContext, ExecutionEnd } from './execution';
export type { MetadataEntry } from './metadata';
export type { RawCell, RawDump } from './sheetModel';
export { parseCsv, toCsv, csvToCells, csvFieldToCell } from './csv';
export { Clock, CallLog, Faults, isDate } from './core';
export type { AuthModeName, CallFilter, CallRecord, ClockInput, FaultOptions, PendingFault } from './core';
export type { SentMail, SentAttachment, Mailbox } from './mail';
export type { TriggerInfo, TriggerTable } from './script';
export type { UiRecorder, MenuRecord, MenuItemRecord, DialogRecord, HtmlRecord, ButtonName, ButtonSetName } from './ui';
export type { PropertyStore } from './properties';
export type { SpreadsheetInit, ToastRecord } from './spreadsheet';
export { formatJavaDate, parseJavaDate } from './javaDate';
export { calendarDateIn, instantFromWall, isValidTimeZone } from './timezone';
