// Jest's module runtime (jest.config.cjs `runtime`) with one V8 coverage session per worker instead
// of one per test file. Jest (collect-v8-coverage) enables the debugger and starts precise coverage
// before every file and stops both after it: V8 then reports every script of the process again and
// drops its compiled code, which cost about half a second per file. Here the first file of a
// worker starts coverage (without the debugger) and every file takes its counts at its end;
// `takePreciseCoverage` resets the counters, so each file's result still holds only what ran
// since the file before.
const { Session } = require('node:inspector');
const Runtime = require('jest-runtime').default;

/** The worker's inspector session, once coverage has started in it. */
let session = null;

function post(method, params = {}) {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

async function startOnce() {
  if (session) return;
  session = new Session();
  session.connect();
  // collect-v8-coverage also enables the debugger, to keep every script alive; precise coverage
  // already keeps the counts of every function it has seen, and without the debugger V8 no longer
  // reports each of the thousands of scripts jest compiles: the same coverage, line for line, for
  // a tenth less CPU in the coverage run.
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
}

class CoverageOnceRuntime extends Runtime {
  async collectV8Coverage() {
    await startOnce();
    // jest-runtime's collector keeps its instrumenter and the file's sources in these two fields.
    this.v8Coverage.sources = new Map();
    this.v8Coverage.instrumenter = {
      stopInstrumenting: async () => (await post('Profiler.takePreciseCoverage')).result,
    };
  }
}

module.exports = CoverageOnceRuntime;
