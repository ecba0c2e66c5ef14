/**
 * npm run annotate -- [--date YYYY-MM-DD] [--json] [--import DATA]… FILE
 * FILE is .html, .txt or - (standard input); each DATA file (CSV, Popolo or
 * Wikidata JSON, docs/import.md) is added to the bundled data for this run.
 */
import { readFileSync } from 'node:fs';
import { UsageError, annotateArticle, decodeArticle, indexWithImports, parseDateOption, readArticle, readImport, toJson, toTable } from './run';

const USAGE = 'usage: npm run annotate -- [--date YYYY-MM-DD] [--json] [--import DATA]... FILE (.html, .txt or - for stdin; DATA: .csv or .json)';

function main(argv: string[]): void {
  let json = false;
  let dateArg: string | undefined;
  const files: string[] = [];
  const imports: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--date') {
      if (i + 1 >= argv.length) throw new UsageError('--date needs a value (YYYY-MM-DD)');
      dateArg = argv[++i];
    } else if (a.startsWith('--date=')) dateArg = a.slice(7);
    else if (a === '--import') {
      if (i + 1 >= argv.length) throw new UsageError('--import needs a file (CSV, Popolo or Wikidata JSON)');
      imports.push(argv[++i]);
    } else if (a.startsWith('--import=')) imports.push(a.slice(9));
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}; ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(USAGE);
  const date = parseDateOption(dateArg);
  const layers = imports.map((f, k) => {
    const { layer, warnings } = readImport(f, `import-${k + 1}`);
    for (const w of warnings) process.stderr.write(`annotate: --import ${f}: warning: ${w.split('\n')[0]}\n`);
    return layer;
  });
  const file = files[0];
  const name = file === '-' ? 'stdin' : file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read file${code === 'ENOENT' ? ' (not found)' : code === 'EISDIR' ? ' (a directory)' : code ? ` (${code})` : ''}`);
  }
  const { text, warnings } = decodeArticle(bytes, name);
  for (const w of warnings) process.stderr.write(`annotate: ${name}: warning: ${w.split('\n')[0]}\n`);
  const annotation = annotateArticle(readArticle(text, name), date, indexWithImports(layers));
  process.stdout.write(json ? JSON.stringify(toJson(annotation)) + '\n' : toTable(annotation) + '\n');
}

try {
  main(process.argv.slice(2));
} catch (e) {
  const message = e instanceof UsageError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
  process.stderr.write(`annotate: ${message.split('\n')[0]}\n`);
  process.exit(2);
}
