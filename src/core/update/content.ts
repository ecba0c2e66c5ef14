/**
 * The content of a data package, checked as the bundled data is: JSON, the dataset schema
 * (`loadDataset`), the structural checks of `validateDataset`, and a compiled index of the
 * right shape. A package that fails any of them is refused with what and where.
 */
import { DatasetError, loadDataset, type CompiledIndex } from '../dataset';
import type { Dataset } from '../schema';
import { validateDataset } from '../validate';
import { PackageError, type Bytes } from './package';

function parse(name: string, bytes: Bytes): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new PackageError('malformed-data', `${name}: not JSON (${(e as Error).message.slice(0, 80)})`);
  }
}

export function checkContent(datasetBytes: Bytes, indexBytes: Bytes): { data: Dataset; compiled: CompiledIndex } {
  const raw = parse('dataset.json', datasetBytes);
  let data: Dataset;
  try {
    data = loadDataset(raw);
  } catch (e) {
    throw new PackageError('invalid-data', `dataset.json: ${e instanceof DatasetError ? e.message : String(e)}`);
  }
  let problems: string[];
  try {
    problems = validateDataset(data);
  } catch (e) {
    problems = [`records of the wrong shape (${(e as Error).message.slice(0, 80)})`];
  }
  if (problems.length) throw new PackageError('invalid-data', `dataset.json: ${problems.length} problem(s), first: ${problems[0]}`);
  const compiled = parse('index.json', indexBytes) as CompiledIndex;
  const m = compiled?.matcher as unknown as Record<string, unknown> | undefined;
  const arrays = m && ['tokens', 'parents', 'slots', 'flags', 'values'].every((k) => Array.isArray(m[k]));
  if (!arrays || !Array.isArray(compiled.titles) || (m!.tokens as unknown[]).length !== (m!.parents as unknown[]).length) {
    throw new PackageError('invalid-data', 'index.json: not a compiled matcher (tokens, parents, slots, flags, values, titles)');
  }
  // The index must be the one compiled from this dataset: every person, title and pledge it points at exists,
  // every node's parent comes before it, every slot is a value list.
  const { tokens, parents, slots, values } = compiled.matcher;
  const limit = [data.people.length, data.people.length, compiled.titles.length, data.pledges.length];
  const badValue = values.findIndex((list) => !Array.isArray(list) || list.some((v) => !Number.isInteger(v) || v < 0 || v >>> 2 >= limit[v & 3]));
  const badNode = parents.findIndex((p, i) => !Number.isInteger(p) || p >= i || p < -1 || typeof tokens[i] !== 'string' || !Number.isInteger(slots[i]) || slots[i] >= values.length);
  if (badValue >= 0 || badNode >= 0) throw new PackageError('invalid-data', `index.json: does not belong to dataset.json (${badValue >= 0 ? `value list ${badValue}` : `node ${badNode}`} points outside it)`);
  return { data, compiled };
}
