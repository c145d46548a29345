// A jest transformer: esbuild strips the types of a test's TypeScript (and of the src/, local/ and
// scripts/ files it imports) in about a millisecond a file, without loading the TypeScript compiler
// into every worker. Type errors are tsc's job (npm run typecheck); no test uses jest.mock, whose
// calls only babel-jest would hoist. The source map lets coverage (npm test) and stack traces point
// at the TypeScript lines.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync, version } from 'esbuild';

// A change of this file or of esbuild invalidates jest's transform cache.
const OWN = crypto
  .createHash('sha1')
  .update(fs.readFileSync(fileURLToPath(import.meta.url)))
  .update(version)
  .digest('hex');

export default {
  canInstrument: false,
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(OWN).update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      sourcefile: filename,
      // Class fields as TypeScript emits them for the ES2020 target of tsconfig.json.
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    });
    return { code: result.code, map: result.map };
  },
};
