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
import type { FakeBlob } from './utilities';
import type { FakeHtmlOutput, FakeHtmlTemplate } from './html';
import type {
  FakeAuthorizationInfo,
  FakeClockTriggerBuilder,
  FakeSpreadsheetTriggerBuilder,
  FakeTrigger,
  FakeTriggerBuilder,
} from './script';
import type { FakeProperties } from './properties';
import type { FakeLock } from './lock';
import type { FakeGmailApp } from './mail';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Real type → fake type, for one (non-union) type. */
type SwapOne<T> =
  IsAny<T> extends true
    ? T
    : Same<T, GoogleAppsScript.Spreadsheet.Range> extends true
      ? FakeRange
      : Same<T, GoogleAppsScript.Spreadsheet.Sheet> extends true
        ? FakeSheet
        : Same<T, GoogleAppsScript.Spreadsheet.Spreadsheet> extends true
          ? FakeSpreadsheet
          : Same<T, GoogleAppsScript.Spreadsheet.DataValidation> extends true
            ? FakeDataValidation
            : Same<T, GoogleAppsScript.Spreadsheet.DataValidationBuilder> extends true
              ? FakeDataValidationBuilder
              : Same<T, GoogleAppsScript.Spreadsheet.DeveloperMetadata> extends true
                ? FakeDeveloperMetadata
                : Same<T, GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder> extends true
                  ? FakeDeveloperMetadataFinder
                  : Same<T, GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation> extends true
                    ? FakeDeveloperMetadataLocation
                    : Same<T, GoogleAppsScript.Base.Ui> extends true
                      ? FakeUi
                      : Same<T, GoogleAppsScript.Base.Menu> extends true
                        ? FakeMenu
                        : Same<T, GoogleAppsScript.Base.PromptResponse> extends true
                          ? FakePromptResponse
                          : Same<T, GoogleAppsScript.Base.User> extends true
                            ? FakeUser
                            : Same<T, GoogleAppsScript.Base.Blob> extends true
                              ? FakeBlob
                              : Same<T, GoogleAppsScript.HTML.HtmlOutput> extends true
                                ? FakeHtmlOutput
                                : Same<T, GoogleAppsScript.HTML.HtmlTemplate> extends true
                                  ? FakeHtmlTemplate
                                  : Same<T, GoogleAppsScript.Script.Trigger> extends true
                                    ? FakeTrigger
                                    : Same<T, GoogleAppsScript.Script.TriggerBuilder> extends true
                                      ? FakeTriggerBuilder
                                      : Same<T, GoogleAppsScript.Script.ClockTriggerBuilder> extends true
                                        ? FakeClockTriggerBuilder
                                        : Same<T, GoogleAppsScript.Script.SpreadsheetTriggerBuilder> extends true
                                          ? FakeSpreadsheetTriggerBuilder
                                          : Same<T, GoogleAppsScript.Script.AuthorizationInfo> extends true
                                            ? FakeAuthorizationInfo
                                            : Same<T, GoogleAppsScript.Properties.Properties> extends true
                                              ? FakeProperties
                                              : Same<T, GoogleAppsScript.Lock.Lock> extends true
                                                ? FakeLock
                                                : Same<T, GoogleAppsScript.Gmail.GmailApp> extends true
                                                  ? FakeGmailApp
                                                  : T extends readonly (infer E)[]
                                                    ? Swap<E>[]
                                                    : T;

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
