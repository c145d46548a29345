// Jest runs the longest test files first, so that no worker is left running a long file alone at
// the end. It learns each file's time from earlier runs (its cache); on a fresh clone it has none
// and would order by file size, which puts short files of long simulations (platforms.test.ts)
// last. Files without a recorded time therefore go in this measured order (slowest first), then by
// size.
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST_FIRST = [
  // The second run (simulations, browser, demo), as measured on 2 cores.
  'browser/sidebar.test.ts',
  'browser/templates.test.ts',
  'reliability/platforms.test.ts',
  'reliability/fault-matrix.test.ts',
  'browser/evidence.test.ts',
  'browser/settings.test.ts',
  'browser/disputes.test.ts',
  'browser/promise.test.ts',
  'reliability/bad-input-corpus.test.ts',
  'reliability/grouped-faults.test.ts',
  'demo/demo.test.ts',
  'browser/xss.test.ts',
  'browser/clients.test.ts',
  'demo/latePayment.test.ts',
  // The coverage run.
  'integration/rangeCalls.test.ts',
  'integration/run.test.ts',
  'integration/latePayment.test.ts',
  'integration/promises.test.ts',
  'integration/ownSheet.test.ts',
  'local/blob.test.ts',
  'integration/grouping-property.test.ts',
  'local/displayValues.test.ts',
  'domain/parse.test.ts',
  'integration/languages.test.ts',
];

const rank = (path) => {
  const i = SLOWEST_FIRST.findIndex((suffix) => path.endsWith(suffix));
  return i === -1 ? SLOWEST_FIRST.length : i;
};

class HeavyFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.every((t) => t.duration != null)) return sorted;
    // Stable: within the same rank, jest's own order (failed first, then by size).
    return sorted
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank(a.t.path) - rank(b.t.path) || a.i - b.i)
      .map(({ t }) => t);
  }
}

module.exports = HeavyFirstSequencer;
