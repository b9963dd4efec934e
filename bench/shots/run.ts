/**
 * `npm run bench:shots`: wall time of a plain ffmpeg decode of a 5-minute 1080x1920 30 fps
 * H.264 clip to the analysis resolution, against our whole shot stage (detection, keyframes,
 * camera motion) on the same file; their ratio; and peak memory of Node and ffmpeg, also on a
 * 1-minute clip to show memory does not grow with length. RUNS pairs (the machine is shared),
 * the first of each pair alternating between the two so a drifting background load favours
 * neither: wall-clock and CPU-time ratios per pair, and their medians.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ANALYSIS_PIX_FMT, decodePlan } from '../../src/pipeline/decode/args.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { runShotStage } from '../../src/pipeline/shots/index.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { liveChildPids, startProcess } from '../../src/process/spawn.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { benchClip } from './make-clip.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const signal = new AbortController().signal;
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/** Peak resident memory of this process and of its ffmpeg children while `fn` runs. */
async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  let nodePeak = process.memoryUsage().rss;
  let childPeak = 0;
  const childCpuSeen = new Map<number, number>();
  const cpu0 = process.cpuUsage();
  const timer = setInterval(() => {
    nodePeak = Math.max(nodePeak, process.memoryUsage().rss);
    for (const pid of liveChildPids()) {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) childPeak = Math.max(childPeak, Number(m[1]) * 1024);
        childCpuSeen.set(pid, childCpu(pid));
      } catch {
        // The child exited between listing and reading.
      }
    }
  }, 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    const own = process.cpuUsage(cpu0);
    const children = [...childCpuSeen.values()].reduce((a, b) => a + b, 0);
    const cpu = (own.user + own.system) / 1e6 + children;
    return { seconds: (performance.now() - t0) / 1000, cpu, nodePeak, childPeak, value };
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
    `scale=${a.width}:${a.height}:flags=bilinear,format=${ANALYSIS_PIX_FMT}`,
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
  /** CPU seconds of this process and its ffmpeg children (less sensitive to a loaded machine). */
  cpu: number;
  nodePeak: number;
  childPeak: number;
  value: T;
}

const TICK = 100; // USER_HZ on Linux
/** utime + stime of a process, seconds. */
function childCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK;
}

console.log('preparing clips (cached in the temp directory after the first run)…');
const clips = [
  { label: '5 min', file: await benchClip(5) },
  { label: '1 min', file: await benchClip(1) },
];
const baseline = process.memoryUsage().rss;
console.log(`node baseline RSS ${mb(baseline)}; ${RUNS} alternating plain/stage pair(s) per clip`);
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
for (const { label, file } of clips) {
  // Alternate the two so both see the same background load; compare each adjacent pair.
  const pairs: Array<{ plain: Measured<void>; ours: Measured<number> }> = [];
  for (let i = 0; i < Math.max(1, RUNS); i++) {
    if (i % 2 === 0) {
      const plain = await measure(() => plainDecode(file));
      pairs.push({ plain, ours: await measure(() => stage(file)) });
    } else {
      const ours = await measure(() => stage(file));
      pairs.push({ plain: await measure(() => plainDecode(file)), ours });
    }
  }
  const wall = pairs.map((p) => p.ours.seconds / p.plain.seconds);
  const cpu = pairs.map((p) => p.ours.cpu / p.plain.cpu);
  const peak = (k: 'nodePeak' | 'childPeak', w: 'plain' | 'ours'): number =>
    Math.max(...pairs.map((p) => p[w][k]));
  console.log(`\n${label} 1080x1920 30 fps H.264 (${file}), ${pairs[0]!.ours.value} shots`);
  for (const [i, p] of pairs.entries()) {
    console.log(
      `  run ${i + 1}${i % 2 ? ' (stage first)' : ''}: plain decode ${p.plain.seconds.toFixed(1)} s wall / ${p.plain.cpu.toFixed(1)} s CPU; shot stage ${p.ours.seconds.toFixed(1)} s wall / ${p.ours.cpu.toFixed(1)} s CPU`,
    );
  }
  console.log(
    `  ratio stage / plain decode: wall ${median(wall).toFixed(2)} (median of ${wall.map((r) => r.toFixed(2)).join(', ')}), CPU ${median(cpu).toFixed(2)}  (target ≤ 1.2)`,
  );
  console.log(
    `  peak memory: ffmpeg ${mb(peak('childPeak', 'plain'))} plain vs ${mb(peak('childPeak', 'ours'))} stage; node ${mb(peak('nodePeak', 'ours'))} (+${mb(peak('nodePeak', 'ours') - baseline)} over baseline)`,
  );
}
