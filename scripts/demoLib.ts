// The demo behind `npm run demo`: runs the BUILT add-on (dist/) in the local Apps Script runtime
// over an invoice sheet for a simulated stretch of daily trigger runs, and collects what happened.
// Nothing is sent anywhere: each email the add-on hands to MailApp is written as a .eml file.
//
// The work is in scripts/demo/: options.ts (the command line's options), simulate.ts (the runs),
// result.ts (what they collect) and report.ts (the text printed). scripts/demo.ts is the command
// line around them, and test/demo/ calls runDemo() directly (against an already built dist/).
export { DemoUsageError, USAGE, parseDemoArgs, resolveDemoOptions } from './demo/options';
export type { DemoOptions, ResolvedDemoOptions } from './demo/options';
export type { DemoResult } from './demo/result';
export { composeEml, logRowOutcome, runDemo, safeFilePart, wallInstant } from './demo/simulate';
export { formatIntro, formatReport } from './demo/report';
