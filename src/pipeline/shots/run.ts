/**
 * I/O shell of the shot stage: one decode pass feeds the difference signal, the keyframe
 * candidate pool and the motion estimator; the pure decisions then run on the collected signal.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { AppError } from '../../domain/errors.js';
import type { MediaInfo } from '../probe/types.js';
import type { StageContext } from '../types.js';
import { decodePlan } from '../decode/args.js';
import { decodeVideo } from '../decode/run.js';
import { CandidatePool } from '../keyframes/pool.js';
import { chooseKeyframes } from '../keyframes/select.js';
import { candidateWriter, grabKeyframe, placeKeyframe, removeDir } from '../keyframes/run.js';
import { MotionTracker, motionStep } from '../motion/tracker.js';
import { movementForSpan } from '../motion/span.js';
import { assembleShots, frameStep } from './assemble.js';
import { detectBoundaries } from './detect.js';
import { SignalBuilder } from './signal.js';
import type { DetectedShot, ShotStageResult } from './index.js';

/** A frame this different from the previous one opens a new provisional keyframe segment. */
const PROVISIONAL_SPLIT = 0.1;

export async function runShotStage(
  file: string,
  media: MediaInfo,
  opts: { ctx: StageContext; keyframeDir: string },
): Promise<ShotStageResult> {
  const { ctx, keyframeDir } = opts;
  const video = media.video;
  if (!video) throw new AppError('NOT_A_VIDEO');
  const plan = decodePlan(video.width, video.height, video.fps);
  const candidateDir = join(ctx.workDir, 'shot-candidates');
  await mkdir(keyframeDir, { recursive: true });
  const builder = new SignalBuilder(plan.analysis);
  // One saved (JPEG-encoded) candidate per second and provisional segment: the sharpest of about
  // three. Short shots still get their own, since every noticeable change opens a new segment.
  const bucketFrames = Math.max(1, Math.round(video.fps || 25));
  const pool = new CandidatePool(
    plan.candidate.width,
    plan.candidate.height,
    bucketFrames,
    candidateWriter(candidateDir, plan.candidate),
  );
  const motion = new MotionTracker(plan.analysis.width, plan.analysis.height, motionStep(video.fps));
  const segmentOf: number[] = [];
  let segment = 0;
  const expected = Math.max(1, media.durationSeconds * (video.fps || 25));
  try {
    const decoded = await decodeVideo(
      file,
      plan,
      {
        onFrame: (n, yuv) => {
          builder.push(yuv);
          motion.push(n, yuv);
          if (builder.lastDistance() >= PROVISIONAL_SPLIT) segment++;
          segmentOf[n % 256] = segment;
        },
        onCandidate: (n, rgb) => pool.offer(n, segmentOf[n % 256] ?? segment, rgb),
        onProgress: (frames) => ctx.onProgress(Math.min(0.95, frames / expected)),
      },
      ctx.signal,
    );
    await pool.flush();
    if (decoded.frameCount === 0) throw new AppError('MEDIA_UNREADABLE', 'no video frame could be decoded');
    const signal = builder.finish();
    const track = motion.finish();
    const spans = assembleShots(detectBoundaries(signal), decoded.pts);
    const picks = chooseKeyframes(
      spans.map((s) => ({ startFrame: s.start_frame, endFrame: s.end_frame, avoid: s.avoid })),
      pool.saved,
    );
    const shots: DetectedShot[] = [];
    for (const [k, span] of spans.entries()) {
      const pick = picks[k];
      const cand = pick === null || pick === undefined ? null : pool.saved[pick]!;
      const frame = cand ? cand.frame : Math.floor((span.start_frame + span.end_frame) / 2);
      const time = decoded.pts[frame]!;
      const keyframe = cand
        ? await placeKeyframe(cand.file, keyframeDir, span.index)
        : await grabKeyframe(file, time, plan.candidate, keyframeDir, span.index, ctx.signal);
      const { avoid, ...rest } = span;
      const camera_movement = movementForSpan(
        track,
        { startFrame: span.start_frame, endFrame: span.end_frame, avoid },
        decoded.pts,
      );
      shots.push({ ...rest, keyframe, keyframe_time: Math.round(time * 1000) / 1000, camera_movement });
    }
    ctx.onProgress(1);
    const last = decoded.pts[decoded.frameCount - 1]!;
    return {
      fps: video.fps,
      frameCount: decoded.frameCount,
      duration: Math.round((last + frameStep(decoded.pts)) * 1000) / 1000,
      width: video.width,
      height: video.height,
      shots,
    };
  } finally {
    await removeDir(candidateDir);
  }
}
