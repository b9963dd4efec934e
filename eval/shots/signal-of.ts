/** Shared by the shot developer tools: decode a video once and return its difference signal. */
import { decodePlan } from '../../src/pipeline/decode/args.js';
import { decodeVideo } from '../../src/pipeline/decode/run.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { SignalBuilder } from '../../src/pipeline/shots/signal.js';

export async function signalOf(file: string) {
  const ac = new AbortController();
  const media = await probeMedia(file, ac.signal);
  const v = media.video!;
  const plan = decodePlan(v.width, v.height, v.fps);
  const builder = new SignalBuilder(plan.analysis);
  const handlers = {
    onFrame: (_n: number, yuv: Buffer) => void builder.push(yuv),
    onCandidate: () => undefined,
  };
  const decoded = await decodeVideo(file, plan, handlers, ac.signal);
  return { signal: builder.finish(), decoded };
}
