// An istanbul report (jest `coverageReporters`) that prints line coverage of src/ per folder: the
// unit tests' imports of src/**/*.ts and the integration tests' runs of the built dist/Code.js,
// mapped back to the TypeScript through the test build's source map (scripts/build.mjs --sourcemap).
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/** 'domain' for src/domain/x.ts, 'main' for src/main.ts. */
function folderOf(file) {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length === 0 ? first.replace(/\.ts$/, '') : first;
}

function percent(covered, total) {
  return total === 0 ? 100 : (100 * covered) / total;
}

/** Coverage of every file in the report (istanbul's report context). */
function fileCoverages(context) {
  const files = [];
  context.getTree('flat').visit({ onDetail: (node) => files.push(node.getFileCoverage()) });
  return files;
}

/** Lines covered and total per folder of src/. */
function linesByFolder(files) {
  const folders = new Map();
  for (const file of files) {
    if (!file.path.startsWith(SRC + path.sep)) continue;
    const { covered, total } = file.toSummary().lines;
    const sum = folders.get(folderOf(file.path)) ?? { covered: 0, total: 0 };
    folders.set(folderOf(file.path), { covered: sum.covered + covered, total: sum.total + total });
  }
  return folders;
}

function row(name, { covered, total }) {
  return `  ${name.padEnd(8)} ${percent(covered, total).toFixed(1).padStart(5)}%  (${covered}/${total} lines)`;
}

class CoverageByFolder {
  execute(context) {
    const folders = linesByFolder(fileCoverages(context));
    const all = [...folders.values()].reduce((a, b) => ({ covered: a.covered + b.covered, total: a.total + b.total }), {
      covered: 0,
      total: 0,
    });
    const names = [...folders.keys()].sort();
    const lines = ['Line coverage of src/ (unit tests and the built bundle, mapped to the TypeScript):'];
    for (const name of names) lines.push(row(name, folders.get(name)));
    lines.push(row('src/', all));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
module.exports = CoverageByFolder;
