// `npm run docs:templates`: writes docs/templates/<code>.md, the default wording of every email
// language for reviewers (see scripts/templateDocsLib.ts). A test fails when they are out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { templateDocs } from './templateDocsLib';

const root = path.join(__dirname, '..');
for (const doc of templateDocs()) {
  const file = path.join(root, doc.path);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, doc.text);
  process.stdout.write(`wrote ${doc.path}\n`);
}
