// Builds dist/ for `clasp push` (README.md, "Deploy to your own spreadsheet"):
//   dist/Code.js       server code: one IIFE under the global `App`, then a real top-level
//                      `function name(...a) { return App.name(...a); }` for every export of
//                      src/main.ts (Apps Script only sees top-level function declarations)
//   dist/Sidebar.html  the sidebar, CSS and JS inlined
//   dist/appsscript.json
// `--watch` rebuilds on every change under src/ and sidebar/.
// `--sourcemap` (npm test) appends an inline source map to dist/Code.js, so test coverage of the
// bundle maps back to src/**/*.ts. `npm run build` and `npm run push` never add it.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'App';

/** Writes a file in one step (temp file + rename), so a test reading dist/ never sees half a file. */
function writeAtomically(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
// Apps Script's V8 rejects some newer syntax (static class fields have failed there): lower to ES2020.
const TARGET = 'es2020';

/** Names exported by src/main.ts, from an ESM pass (an IIFE pass does not list exports). */
async function entryPointNames() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    target: TARGET,
    outfile: 'main.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return [...output.exports].sort();
}

/** The bundle's source map as a trailing comment (the wrappers after the bundle stay unmapped). */
function inlineSourceMap(outputFiles) {
  const map = outputFiles.find((f) => f.path.endsWith('.map')).text;
  return `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(map).toString('base64')}\n`;
}

async function buildServer({ sourcemap }) {
  const names = await entryPointNames();
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: TARGET,
    platform: 'neutral',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    ...(sourcemap ? { sourcemap: 'external', sourcesContent: false, outfile: join(dist, 'Code.js') } : {}),
  });
  // esbuild ends a bundle that has an external map with a pointer to it; ours goes after the wrappers.
  const bundle = result.outputFiles.find((f) => !f.path.endsWith('.map')).text.replace(/\/\/# sourceMappingURL=\S+\n?$/, '');
  const wrappers = names.map((n) => `function ${n}(...args) { return ${GLOBAL}.${n}(...args); }`).join('\n');
  const code = `${bundle}\n// Entry points Apps Script can call (menus, triggers, google.script.run).\n${wrappers}\n`;
  // Apps Script has no module system: a stray import/export/require means the bundle is broken.
  const stray = code.match(/^\s*(import|export)\s|\brequire\(/m);
  if (stray) throw new Error(`dist/Code.js contains "${stray[0].trim()}": Apps Script cannot load modules.`);
  writeAtomically(join(dist, 'Code.js'), sourcemap ? `${code}${inlineSourceMap(result.outputFiles)}` : code);
  return { names, bytes: Buffer.byteLength(code) };
}

async function buildSidebar() {
  const script = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: TARGET,
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const js = script.outputFiles[0].text;
  // An inline script ends at the first "</script": the page would break (or worse) past it.
  if (/<\/script/i.test(js))
    throw new Error('The sidebar script contains "</script", which would end the inline <script> early.');
  const css = readFileSync(join(root, 'sidebar/styles.css'), 'utf8');
  if (/<\/style/i.test(css)) throw new Error('sidebar/styles.css contains "</style".');
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  if (!template.includes('<!-- inline:style -->') || !template.includes('<!-- inline:script -->')) {
    throw new Error('sidebar/index.html must contain <!-- inline:style --> and <!-- inline:script -->.');
  }
  const html = template
    .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${js}</script>`);
  writeAtomically(join(dist, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

export async function buildAll({ quiet = false, sourcemap = false } = {}) {
  const started = Date.now();
  mkdirSync(dist, { recursive: true });
  const server = await buildServer({ sourcemap });
  const sidebar = await buildSidebar();
  writeAtomically(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  // dist/ holds exactly what clasp should push: remove anything else (old files, stray temp files).
  const keep = new Set(['Code.js', 'Sidebar.html', 'appsscript.json']);
  for (const f of readdirSync(dist))
    if (!keep.has(f) && !f.endsWith('.tmp')) rmSync(join(dist, f), { recursive: true, force: true });
  if (!quiet) {
    console.log(
      `built dist/ in ${Date.now() - started} ms: Code.js ${(server.bytes / 1024).toFixed(1)} KB ` +
        `(${server.names.length} entry points), Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB`,
    );
  }
  return { server, sidebar };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sourcemap = process.argv.includes('--sourcemap');
  try {
    await buildAll({ sourcemap });
  } catch (err) {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  }
  if (process.argv.includes('--watch')) {
    let timer = null;
    const rebuild = () => {
      clearTimeout(timer);
      timer = setTimeout(() => buildAll({ sourcemap }).catch((err) => console.error(`build failed: ${err.message}`)), 100);
    };
    for (const dir of ['src', 'sidebar']) watch(join(root, dir), { recursive: true }, rebuild);
    watch(join(root, 'appsscript.json'), rebuild);
    console.log('watching src/, sidebar/ and appsscript.json for changes…');
  }
}
