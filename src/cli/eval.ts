/** npm run eval [-- DIR] — accuracy on the golden corpus; exits 1 below the goals. */
import { join } from 'node:path';
import { GOALS, evaluate } from './evaluate';

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'tests', 'corpus');
const r = evaluate(dir);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`Golden corpus: ${r.files} articles (${dir})`);
console.log(`people   precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
console.log(`office on the article's date: ${r.officeCorrect}/${r.officeTotal} = ${pct(r.officeAccuracy)}`);
console.log(`people in the data: ${r.inDataFound}/${r.inData} found (recall ${(r.inData ? r.inDataFound / r.inData : 1).toFixed(3)}); not in the data: ${r.notInData} (each a miss caused by missing data)`);
console.log(`article dates: ${r.datesCorrect}/${r.files}; pledges missed: ${r.pledgeMisses}; offices not compared (layer not in the data yet): ${r.rolePending}`);
console.log(r.failures.length ? `\nFailures (${r.failures.length}):\n  ${r.failures.join('\n  ')}` : '\nNo failures.');
const ok = r.precision >= GOALS.precision && r.recall >= GOALS.recall && r.officeAccuracy >= GOALS.officeAccuracy && r.failures.length === 0;
console.log(`\nGoals: precision ≥ ${GOALS.precision}, recall ≥ ${GOALS.recall}, office ≥ ${pct(GOALS.officeAccuracy)}, no failure: ${ok ? 'met' : 'NOT met'}`);
process.exit(ok ? 0 : 1);
