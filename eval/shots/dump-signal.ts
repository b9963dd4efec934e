/** Developer tool: print the per-frame difference signal of a video (for tuning the decision). */
import { signalOf } from './signal-of.js';

const file = process.argv[2];
if (!file) throw new Error('usage: dump-signal FILE');
const { signal: s, decoded: res } = await signalOf(file);
const f = (x: number | undefined): string => (x ?? 0).toFixed(3);
console.log('frame\tpts\td1\thist\td4\td8\td16\td32\tmean\tstd\tstep\talign\tspan');
for (let j = 0; j < s.frameCount; j++) {
  const st = (i: number): string => f(s.structure[i]![j]);
  const row = [j, res.pts[j]!.toFixed(3), st(0), f(s.histogram[j]), st(3), st(7), st(9), st(11)];
  row.push(s.mean[j]!.toFixed(1), s.std[j]!.toFixed(1), f(s.step[j]), f(s.align[j]), f(s.span[j]));
  console.log(row.join('\t'));
}
