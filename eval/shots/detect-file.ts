/** Runs our boundary decision on a file exactly as the shot stage does (one decode pass). */
import { decodePlan } from '../../src/pipeline/decode/args.js';
import { decodeVideo } from '../../src/pipeline/decode/run.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { detectBoundaries } from '../../src/pipeline/shots/detect.js';
import { SignalBuilder } from '../../src/pipeline/shots/signal.js';
import type { Boundary } from '../../src/pipeline/shots/types.js';

export async function detectFile(
  file: string,
  signal: AbortSignal,
): Promise<{ boundaries: Boundary[]; pts: Float64Array }> {
  const media = await probeMedia(file, signal);
  const v = media.video;
  if (!v) throw new Error(`${file}: no video`);
  const plan = decodePlan(v.width, v.height, v.fps);
  const builder = new SignalBuilder(plan.analysis);
  const handlers = {
    onFrame: (_n: number, yuv: Buffer) => void builder.push(yuv),
    onCandidate: () => undefined,
  };
  const { pts } = await decodeVideo(file, plan, handlers, signal);
  return { boundaries: detectBoundaries(builder.finish()), pts };
}
