/**
 * `npm run bench:shots`: wall time of a plain ffmpeg decode of a 5-minute 1080x1920 30 fps
 * H.264 clip to the analysis resolution, against our whole shot stage (detection, keyframes,
 * camera motion) on the same file; their ratio; and peak memory of Node and ffmpeg, also on a
 * 1-minute clip to show memory does not grow with length. Best of RUNS runs (shared machine).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { decodePlan } from '../../src/pipeline/decode/args.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { runShotStage } from '../../src/pipeline/shots/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { liveChildPids, startProcess } from '../../src/process/spawn.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { benchClip } from './make-clip.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const signal = new AbortController().signal;
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/** Peak resident memory of this process and of its ffmpeg children while `fn` runs. */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ seconds: number; nodePeak: number; childPeak: number; value: T }> {
  let nodePeak = process.memoryUsage().rss;
  let childPeak = 0;
  const timer = setInterval(() => {
    nodePeak = Math.max(nodePeak, process.memoryUsage().rss);
    for (const pid of liveChildPids()) {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) childPeak = Math.max(childPeak, Number(m[1]) * 1024);
      } catch {
        // The child exited between listing and reading.
      }
    }
  }, 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { seconds: (performance.now() - t0) / 1000, nodePeak, childPeak, value };
  } finally {
    clearInterval(timer);
  }
}

async function plainDecode(file: string): Promise<void> {
  const v = (await probeMedia(file, signal)).video!;
  const a = decodePlan(v.width, v.height, v.fps).analysis;
  const args = [
    '-v',
    'error',
    '-nostdin',
    '-i',
    file,
    '-vf',
    `scale=${a.width}:${a.height}:flags=bilinear,format=yuv444p`,
  ];
  const proc = startProcess('ffmpeg', { args: [...args, '-f', 'rawvideo', 'pipe:1'], signal });
  proc.stdin.end();
  proc.stdout.resume();
  await proc.done;
}

async function stage(file: string): Promise<number> {
  const media = await probeMedia(file, signal);
  const tmp = tempDir('reelscript-bench-shots-');
  try {
    const r = await runShotStage(file, media, {
      ctx: noopStageContext(signal, tmp.dir),
      keyframeDir: join(tmp.dir, 'kf'),
    });
    return r.shots.length;
  } finally {
    tmp.cleanup();
  }
}

interface Measured<T> {
  seconds: number;
  nodePeak: number;
  childPeak: number;
  value: T;
}

/** Fastest of RUNS runs; memory peaks are the highest seen in any run. */
async function best<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const runs: Array<Measured<T>> = [];
  for (let i = 0; i < Math.max(1, RUNS); i++) runs.push(await measure(fn));
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const nodePeak = Math.max(...runs.map((r) => r.nodePeak));
  const childPeak = Math.max(...runs.map((r) => r.childPeak));
  return { seconds: fastest.seconds, value: fastest.value, nodePeak, childPeak };
}

console.log('preparing clips (cached in the temp directory after the first run)…');
const clips = [
  { label: '5 min', file: await benchClip(5) },
  { label: '1 min', file: await benchClip(1) },
];
const baseline = process.memoryUsage().rss;
console.log(`node baseline RSS ${mb(baseline)}; best of ${RUNS} runs each`);
for (const { label, file } of clips) {
  const plain = await best(() => plainDecode(file));
  const ours = await best(() => stage(file));
  console.log(`\n${label} 1080x1920 30 fps H.264 (${file})`);
  console.log(
    `  plain ffmpeg decode to analysis size  ${plain.seconds.toFixed(1)} s   ffmpeg peak ${mb(plain.childPeak)}`,
  );
  console.log(
    `  shot stage (${ours.value} shots)              ${ours.seconds.toFixed(1)} s   ffmpeg peak ${mb(ours.childPeak)}, node peak ${mb(ours.nodePeak)} (+${mb(ours.nodePeak - baseline)})`,
  );
  console.log(
    `  ratio stage / plain decode             ${(ours.seconds / plain.seconds).toFixed(2)}  (target ≤ 1.2)`,
  );
}
