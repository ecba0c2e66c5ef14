/** npm run demo: annotate the bundled sample articles and print what Nameplate finds. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateArticle, readArticle, toTable } from './run';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');
for (const file of readdirSync(dir).filter((f) => /\.(html|txt)$/.test(f)).sort()) {
  const annotation = annotateArticle(readArticle(readFileSync(join(dir, file), 'utf8'), file));
  console.log(`== samples/${file}\n${toTable(annotation)}\n`);
}
