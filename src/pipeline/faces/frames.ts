/**
 * I/O: ffmpeg passes (one per run of nearby targets) that yield the sampled frames as raw RGB
 * with their player-timeline times. Reading is pull-based, so while the detector works on a frame ffmpeg blocks on the pipe
 * and memory stays at a few frames whatever the episode length.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startProcess } from '../../process/spawn.js';
import { chunkTargets, frameArgs, parseShowinfoTime, seekFor, selectFilter } from './frames-args.js';

export interface DecodedFrame {
  time: number;
  rgb: Uint8Array;
}

export interface FrameRequest {
  file: string;
  targets: readonly number[];
  fps: number;
  startTime: number;
  size: { width: number; height: number };
  workDir: string;
  signal: AbortSignal;
}

export async function* decodeFrames(req: FrameRequest): AsyncGenerator<DecodedFrame> {
  for (const run of chunkTargets(req.targets)) yield* decodeRun(req, run);
}

/** One seeking ffmpeg for a run of nearby targets. */
async function* decodeRun(req: FrameRequest, targets: number[]): AsyncGenerator<DecodedFrame> {
  const script = join(req.workDir, 'faces-select.txt');
  await writeFile(script, selectFilter(targets, req.fps, req.startTime, req.size));
  const args = frameArgs(req.file, script, seekFor(targets, req.startTime));
  const proc = startProcess('ffmpeg', { args, signal: req.signal });
  proc.stdin.end();
  const times: number[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  proc.onStderrLine((line) => {
    const t = parseShowinfoTime(line);
    if (t === null) return;
    times.push(t - req.startTime);
    wake?.();
  });
  const done = proc.done.finally(() => {
    ended = true;
    wake?.();
  });
  // Surface ffmpeg's failure through `await done` below, not as an unhandled rejection.
  done.catch(() => undefined);
  // showinfo's line for a frame may arrive just after the frame's bytes: wait for it.
  const nextTime = async (): Promise<number | null> => {
    while (times.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
    wake = null;
    return times.shift() ?? null;
  };
  const frameBytes = req.size.width * req.size.height * 3;
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of proc.stdout) {
      pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      while (pending.length >= frameBytes) {
        const rgb = new Uint8Array(pending.subarray(0, frameBytes));
        pending = pending.subarray(frameBytes);
        const time = await nextTime();
        if (time === null) break;
        yield { time, rgb };
      }
    }
    await done;
  } finally {
    // A consumer that stops early (error, abort) must not leave ffmpeg blocked on the pipe.
    if (!ended) proc.child.kill('SIGKILL');
  }
}
