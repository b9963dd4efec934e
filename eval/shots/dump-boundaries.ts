/** Developer tool: print the boundaries the shot decision finds in a video. */
import { decodePlan } from '../../src/pipeline/decode/args.js';
import { decodeVideo } from '../../src/pipeline/decode/run.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { detectBoundaries } from '../../src/pipeline/shots/detect.js';
import { SignalBuilder } from '../../src/pipeline/shots/signal.js';

for (const file of process.argv.slice(2)) {
  const ac = new AbortController();
  const media = await probeMedia(file, ac.signal);
  const v = media.video!;
  const plan = decodePlan(v.width, v.height, v.fps);
  const builder = new SignalBuilder(plan.analysis);
  const handlers = {
    onFrame: (_n: number, yuv: Buffer) => void builder.push(yuv),
    onCandidate: () => undefined,
  };
  await decodeVideo(file, plan, handlers, ac.signal);
  const b = detectBoundaries(builder.finish());
  console.log(
    file.split('/').pop(),
    JSON.stringify(
      b.map((x) =>
        x.kind === 'cut' ? x.shotStart : `${x.kind}:${x.startFrame}-${x.endFrame}@${x.shotStart}`,
      ),
    ),
  );
}
