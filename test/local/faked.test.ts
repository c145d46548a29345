// The fakes are typed against @types/google-apps-script: a drifting signature does not compile.
// These checks run in `tsc` (npm run typecheck); the test body makes sure the file is exercised.
import type { Faked, FakeMethod } from '../../local/faked';
import type { FakeRange, FakeSheet } from '../../local/spreadsheet';
import { createRuntime } from '../../local';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// Every overload of getRange is kept, with Range swapped for FakeRange:
export const overloads: Array<(sheet: FakeMethod<Sheet['getRange']>) => FakeRange> = [
  (f) => f(1, 1),
  (f) => f(1, 1, 2),
  (f) => f(1, 1, 2, 2),
  (f) => f('A1:B2'),
];

export class WrongResult implements Faked<Sheet, 'getName'> {
  // @ts-expect-error getName must return a string
  getName(): number {
    return 1;
  }
}

export class MissingOverload implements Faked<Sheet, 'getRange'> {
  // @ts-expect-error getRange must also accept A1 notation
  getRange(row: number, column: number): FakeRange {
    void row;
    void column;
    return null as unknown as FakeRange;
  }
}

export class WrongParameter implements Faked<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  getRemainingDailyQuota(): number {
    return 0;
  }
  // @ts-expect-error sendEmail must accept the message-object overload
  sendEmail(recipient: string, subject: string, body: string): void {
    void [recipient, subject, body];
  }
}

describe('typed fakes', () => {
  it('the runtime sheet object satisfies the faked Sheet surface', () => {
    const sheet: FakeSheet | null | undefined = createRuntime()
      .globals.SpreadsheetApp.getActiveSpreadsheet()
      ?.getSheetByName('Sheet1');
    const surface: Faked<Sheet, 'getName' | 'getRange'> | null | undefined = sheet;
    expect(surface?.getName()).toBe('Sheet1');
    expect(overloads).toHaveLength(4);
  });
});
