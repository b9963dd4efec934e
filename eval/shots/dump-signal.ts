/** Developer tool: print the per-frame difference signal of a video (for tuning the decision). */
import { decodePlan } from '../../src/pipeline/decode/args.js';
import { decodeVideo } from '../../src/pipeline/decode/run.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { SignalBuilder } from '../../src/pipeline/shots/signal.js';

const file = process.argv[2];
if (!file) throw new Error('usage: dump-signal FILE');
const ac = new AbortController();
const media = await probeMedia(file, ac.signal);
const v = media.video!;
const plan = decodePlan(v.width, v.height, v.fps);
const builder = new SignalBuilder(plan.analysis);
const res = await decodeVideo(
  file,
  plan,
  { onFrame: (_n, yuv) => void builder.push(yuv), onCandidate: () => undefined },
  ac.signal,
);
const s = builder.finish();
const f = (x: number | undefined): string => (x ?? 0).toFixed(3);
for (let j = 0; j < s.frameCount; j++) {
  console.log(
    [
      j,
      res.pts[j]!.toFixed(3),
      f(s.structure[1]![j]),
      f(s.histogram[1]![j]),
      f(s.structure[4]![j]),
      f(s.histogram[4]![j]),
      f(s.structure[8]![j]),
      s.mean[j]!.toFixed(1),
      s.std[j]!.toFixed(1),
    ].join('\t'),
  );
}
