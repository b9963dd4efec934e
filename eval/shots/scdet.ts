/** The baseline: ffmpeg's own scene-change detector (`scdet`, default threshold), mapped to frames. */
import { startProcess } from '../../src/process/spawn.js';

const SCD = /lavfi\.scd\.time:\s*([\d.]+)/;

/** Frame indices where scdet reports a scene change, using our decoded presentation times. */
export async function scdetCuts(file: string, pts: Float64Array, signal: AbortSignal): Promise<number[]> {
  const times: number[] = [];
  const args = ['-hide_banner', '-nostats', '-v', 'info', '-i', file, '-map', '0:v:0'];
  args.push('-vf', 'scdet=threshold=10', '-f', 'null', '-');
  const proc = startProcess('ffmpeg', { args, signal });
  proc.stdin.end();
  proc.stdout.resume();
  proc.onStderrLine((line) => {
    const m = SCD.exec(line);
    if (m) times.push(Number(m[1]));
  });
  await proc.done;
  return times.map((t) => nearestFrame(pts, t));
}

export function nearestFrame(pts: Float64Array, t: number): number {
  let best = 0;
  for (let i = 1; i < pts.length; i++) if (Math.abs(pts[i]! - t) < Math.abs(pts[best]! - t)) best = i;
  return best;
}
