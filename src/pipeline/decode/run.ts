/**
 * I/O shell of the decode pass: runs ffmpeg once, hands every analysis frame and every
 * candidate frame to the caller in order, and collects presentation timestamps from showinfo.
 */
import type { Readable } from 'node:stream';
import { toError } from '../../domain/errors.js';
import { startProcess } from '../../process/spawn.js';
import { analysisFrameBytes, candidateFrameBytes, decodeArgs, type DecodePlan } from './args.js';
import { FrameSplitter } from './frames.js';
import { parseShowinfoLine } from './showinfo.js';

export interface DecodeHandlers {
  /** Analysis frame n (yuv420p planes, Y first). The buffer is only valid during the call. */
  onFrame(n: number, yuv: Buffer): void;
  /**
   * Candidate for decode-order frame n (packed RGB), valid during the synchronous part of the
   * call. May return a promise to apply backpressure.
   */
  onCandidate(n: number, rgb: Buffer): void | Promise<void>;
  onProgress?(framesDone: number): void;
}

export interface DecodeResult {
  frameCount: number;
  /** Presentation time of every frame, seconds from the file's start time. */
  pts: Float64Array;
}

/** Maximum candidate handlers in flight before the pipes are paused. */
const MAX_PENDING = 2;

export async function decodeVideo(
  file: string,
  plan: DecodePlan,
  handlers: DecodeHandlers,
  signal: AbortSignal,
): Promise<DecodeResult> {
  const proc = startProcess('ffmpeg', { args: decodeArgs(file, plan), signal, extraPipes: 1 });
  proc.stdin.end();
  const pts: number[] = [];
  proc.onStderrLine((line) => {
    const f = parseShowinfoLine(line);
    if (f && f.n === pts.length) pts.push(f.ptsTime);
  });
  const detSplit = new FrameSplitter(analysisFrameBytes(plan.analysis));
  const candSplit = new FrameSplitter(candidateFrameBytes(plan.candidate));
  const candStream = proc.extra[0] as Readable;
  let frames = 0;
  let candidates = 0;
  let pending = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  // Candidates can arrive before the analysis frame they belong to; hold them until it is seen.
  const early: Array<{ n: number; rgb: Buffer }> = [];

  const deliver = (n: number, rgb: Buffer): void => {
    const result = handlers.onCandidate(n, rgb);
    if (!result) return;
    pending++;
    if (pending >= MAX_PENDING) pause();
    const tracked = result
      .catch((err: unknown) => {
        failure ??= err;
        proc.child.kill('SIGTERM');
      })
      .finally(() => {
        pending--;
        inFlight.delete(tracked);
        if (pending < MAX_PENDING) resume();
      });
    inFlight.add(tracked);
  };
  const flushEarly = (): void => {
    while (early.length > 0 && early[0]!.n < frames) {
      const c = early.shift()!;
      deliver(c.n, c.rgb);
    }
  };
  const pause = (): void => {
    proc.stdout.pause();
    candStream.pause();
  };
  const resume = (): void => {
    proc.stdout.resume();
    candStream.resume();
  };

  proc.stdout.on('data', (chunk: Buffer) => {
    for (const yuv of detSplit.push(chunk)) handlers.onFrame(frames++, yuv);
    handlers.onProgress?.(frames);
    flushEarly();
  });
  candStream.on('data', (chunk: Buffer) => {
    for (const rgb of candSplit.push(chunk)) {
      const n = candidates++ * plan.candidateEvery;
      if (n < frames) deliver(n, rgb);
      else early.push({ n, rgb: Buffer.from(rgb) });
    }
  });
  try {
    await Promise.all([proc.done, ended(proc.stdout), ended(candStream)]);
  } catch (err) {
    // A failing handler kills ffmpeg; report the handler's error, not the kill.
    throw failure instanceof Error ? failure : err;
  }
  flushEarly();
  await Promise.allSettled(inFlight);
  if (failure) throw toError(failure);
  return { frameCount: frames, pts: completePts(pts, frames) };
}

function ended(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.readableEnded) resolve();
    else stream.once('end', () => resolve()).once('close', () => resolve());
  });
}

/** showinfo prints every frame; if a line was lost, extend by the median step rather than fail. */
export function completePts(pts: readonly number[], frames: number): Float64Array {
  const out = new Float64Array(frames);
  const steps: number[] = [];
  for (let i = 1; i < pts.length; i++) steps.push(pts[i]! - pts[i - 1]!);
  steps.sort((a, b) => a - b);
  const step = steps[steps.length >> 1] ?? 1 / 25;
  for (let i = 0; i < frames; i++) out[i] = i < pts.length ? pts[i]! : (out[i - 1] ?? -step) + step;
  return out;
}
