// An istanbul report (jest `coverageReporters`) that prints line coverage of src/ per folder: the
// unit tests' imports of src/**/*.ts and the integration tests' runs of the built dist/Code.js,
// mapped back to the TypeScript through the test build's source map (scripts/build.mjs --sourcemap).
// Its one option, `src`, is the absolute path of src/ (jest.config.cjs passes it).

/** 'domain' for src/domain/x.ts, 'main' for src/main.ts; null outside src/. */
function folderOf(file, src) {
  const rest = file.startsWith(src) ? file.slice(src.length) : '';
  if (!/^[\\/]/.test(rest)) return null;
  const [first, ...inner] = rest.slice(1).split(/[\\/]/);
  return inner.length === 0 ? first.replace(/\.ts$/, '') : first;
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
function linesByFolder(files, src) {
  const folders = new Map();
  for (const file of files) {
    const folder = folderOf(file.path, src);
    if (folder === null) continue;
    const { covered, total } = file.toSummary().lines;
    const sum = folders.get(folder) ?? { covered: 0, total: 0 };
    folders.set(folder, { covered: sum.covered + covered, total: sum.total + total });
  }
  return folders;
}

function row(name, { covered, total }) {
  return `  ${name.padEnd(8)} ${percent(covered, total).toFixed(1).padStart(5)}%  (${covered}/${total} lines)`;
}

class CoverageByFolder {
  constructor(options) {
    this.src = options.src;
  }

  execute(context) {
    const folders = linesByFolder(fileCoverages(context), this.src);
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
