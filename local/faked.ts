// Type machinery that keeps the fakes honest against @types/google-apps-script.
//
// `implements Pick<Range, 'setValues'>` cannot work on its own: the real setValues returns a full
// `Range`, which a fake never is. `Faked<Range, 'setValues'>` is the same Pick with every Apps Script
// object type in the signatures (parameters and results, every overload) swapped for its fake, so
// a fake whose method drifts from the real one (wrong parameter, missing overload, wrong result)
// fails to compile.

import type { FakeDataValidation, FakeDataValidationBuilder, FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';
import type { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, FakeDeveloperMetadataLocation } from './metadata';
import type { FakeMenu, FakePromptResponse, FakeUi } from './ui';
import type { FakeUser } from './session';
import type { FakeHtmlOutput } from './html';
import type {
  FakeAuthorizationInfo,
  FakeClockTriggerBuilder,
  FakeSpreadsheetTriggerBuilder,
  FakeTrigger,
  FakeTriggerBuilder,
} from './script';
import type { FakeProperties } from './properties';
import type { FakeLock } from './lock';
import type { FakeBlob } from './blob';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each Apps Script object type the fakes hand out, and its fake. */
type FakeOf = [
  [GoogleAppsScript.Spreadsheet.Range, FakeRange],
  [GoogleAppsScript.Spreadsheet.Sheet, FakeSheet],
  [GoogleAppsScript.Spreadsheet.Spreadsheet, FakeSpreadsheet],
  [GoogleAppsScript.Spreadsheet.DataValidation, FakeDataValidation],
  [GoogleAppsScript.Spreadsheet.DataValidationBuilder, FakeDataValidationBuilder],
  [GoogleAppsScript.Spreadsheet.DeveloperMetadata, FakeDeveloperMetadata],
  [GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FakeDeveloperMetadataFinder],
  [GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, FakeDeveloperMetadataLocation],
  [GoogleAppsScript.Base.Ui, FakeUi],
  [GoogleAppsScript.Base.Menu, FakeMenu],
  [GoogleAppsScript.Base.PromptResponse, FakePromptResponse],
  [GoogleAppsScript.Base.User, FakeUser],
  [GoogleAppsScript.HTML.HtmlOutput, FakeHtmlOutput],
  [GoogleAppsScript.Script.Trigger, FakeTrigger],
  [GoogleAppsScript.Script.TriggerBuilder, FakeTriggerBuilder],
  [GoogleAppsScript.Script.ClockTriggerBuilder, FakeClockTriggerBuilder],
  [GoogleAppsScript.Script.SpreadsheetTriggerBuilder, FakeSpreadsheetTriggerBuilder],
  [GoogleAppsScript.Script.AuthorizationInfo, FakeAuthorizationInfo],
  [GoogleAppsScript.Properties.Properties, FakeProperties],
  [GoogleAppsScript.Lock.Lock, FakeLock],
  [GoogleAppsScript.Base.Blob, FakeBlob],
];

/** The fake of T from a table of [real, fake] pairs; arrays element-wise; anything else unchanged. */
type Lookup<T, Table> = Table extends [[infer Real, infer Fake], ...infer Rest]
  ? Same<T, Real> extends true
    ? Fake
    : Lookup<T, Rest>
  : T extends readonly (infer E)[]
    ? Swap<E>[]
    : T;

/** Real type → fake type, for one (non-union) type. */
type SwapOne<T> = IsAny<T> extends true ? T : Lookup<T, FakeOf>;

/** Real type → fake type, distributing over unions (`Sheet | null` → `FakeSheet | null`). */
export type Swap<T> = T extends unknown ? SwapOne<T> : never;
type SwapArgs<A extends unknown[]> = { [I in keyof A]: Swap<A[I]> };

// An overload slot the function does not have is inferred as `unknown[]`; it adds no constraint.
type Signature<A extends unknown[], R> = unknown[] extends A ? unknown : (...args: SwapArgs<A>) => Swap<R>;

/** Every overload (up to eight, the most any Apps Script method has) of F, swapped. */
export type FakeMethod<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
  (...args: infer A5): infer R5;
  (...args: infer A6): infer R6;
  (...args: infer A7): infer R7;
  (...args: infer A8): infer R8;
}
  ? Signature<A1, R1> &
      Signature<A2, R2> &
      Signature<A3, R3> &
      Signature<A4, R4> &
      Signature<A5, R5> &
      Signature<A6, R6> &
      Signature<A7, R7> &
      Signature<A8, R8>
  : F;

/** `Pick<T, K>` of a real Apps Script interface, with real object types swapped for the fakes. */
export type Faked<T, K extends keyof T> = { [P in K]: FakeMethod<T[P]> };
