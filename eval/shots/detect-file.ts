/** Runs our boundary decision and motion sampling on a file exactly as the shot stage does (one decode pass). */
import { decodePlan } from '../../src/pipeline/decode/args.js';
import { decodeVideo } from '../../src/pipeline/decode/run.js';
import { MotionTracker, motionStep, type MotionTrack } from '../../src/pipeline/motion/tracker.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { detectBoundaries } from '../../src/pipeline/shots/detect.js';
import { SignalBuilder } from '../../src/pipeline/shots/signal.js';
import type { Boundary } from '../../src/pipeline/shots/types.js';

export interface DetectedFile {
  boundaries: Boundary[];
  pts: Float64Array;
  track: MotionTrack;
}

export async function detectFile(file: string, signal: AbortSignal): Promise<DetectedFile> {
  const media = await probeMedia(file, signal);
  const v = media.video;
  if (!v) throw new Error(`${file}: no video`);
  const plan = decodePlan(v.width, v.height, v.fps);
  const builder = new SignalBuilder(plan.analysis);
  const motion = new MotionTracker(plan.analysis.width, plan.analysis.height, motionStep(v.fps));
  const handlers = {
    onFrame: (n: number, yuv: Buffer) => {
      builder.push(yuv);
      motion.push(n, yuv);
    },
    onCandidate: () => undefined,
  };
  const { pts } = await decodeVideo(file, plan, handlers, signal);
  return { boundaries: detectBoundaries(builder.finish()), pts, track: motion.finish() };
}
