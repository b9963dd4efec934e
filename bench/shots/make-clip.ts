/**
 * The benchmark clip: 1080x1920 portrait H.264 (x264 veryfast, CABAC, B-frames) at 30 fps with a
 * cut every six seconds, cached in the OS temp directory.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Sources cheap to render at full HD; each segment gets a different one and a moving crop. */
const SOURCES = [
  'testsrc2=s=1280x2160:r=30',
  'gradients=s=1280x2160:r=30:speed=0.03:seed=7:n=5',
  'smptehdbars=s=1280x2160:r=30',
  'cellauto=s=1280x2160:r=30:rule=30:random_seed=3',
];

/**
 * A clip of `minutes` minutes: one minute is encoded, then repeated by stream copy (decoding
 * cost per minute is what the benchmark measures; encoding five distinct minutes takes ~20 min).
 */
export async function benchClip(minutes: number): Promise<string> {
  const minute = await encodedMinute();
  if (minutes === 1) return minute;
  const path = join(tmpdir(), `reelscript-bench-shots-1080x1920-${minutes}min.mp4`);
  if (existsSync(path)) return path;
  const args = ['-v', 'error', '-y', '-stream_loop', String(minutes - 1), '-i', minute, '-c', 'copy'];
  await exec('ffmpeg', [...args, '-movflags', '+faststart', `${path}.part.mp4`]);
  await rename(`${path}.part.mp4`, path);
  return path;
}

async function encodedMinute(seconds = 60, segmentSeconds = 6): Promise<string> {
  const path = join(tmpdir(), `reelscript-bench-shots-1080x1920-${seconds}s.mp4`);
  if (existsSync(path)) return path;
  const n = Math.ceil(seconds / segmentSeconds);
  const args = ['-v', 'error', '-y'];
  const chains: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = Math.min(segmentSeconds, seconds - i * segmentSeconds);
    args.push('-f', 'lavfi', '-t', String(d), '-i', SOURCES[i % SOURCES.length]!);
    chains.push(`[${i}:v]crop=1080:1920:x='(iw-ow)*t/${d}':y='(ih-oh)/2',format=yuv420p,setsar=1[v${i}]`);
  }
  const inputs = Array.from({ length: n }, (_, i) => `[v${i}]`).join('');
  args.push('-filter_complex', `${chains.join(';')};${inputs}concat=n=${n}:v=1:a=0[v]`, '-map', '[v]');
  args.push('-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-g', '60', '-pix_fmt', 'yuv420p');
  args.push('-movflags', '+faststart', `${path}.part.mp4`);
  await exec('ffmpeg', args, { maxBuffer: 1 << 24 });
  await rename(`${path}.part.mp4`, path);
  return path;
}
