/**
 * npm run bench:characters — the face stage and the character step on a generated 5-minute
 * episode of ~120 shots (portrait 1080x1920 by default, BENCH_SIZE=WxH to change), built from
 * the portraits shipped in @vladmandic/human. Prints frames analysed, faces found, wall time and
 * peak memory. The clip is cached under test-output/ so reruns measure only our code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCharacters } from '../../src/pipeline/characters/index.js';
import { runFaceStage } from '../../src/pipeline/faces/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeFaceClip, type FaceShotSpec, type Person } from '../../test/fixtures/faces.js';
import { rng } from '../../src/pipeline/characters/synthetic.js';

const [width, height] = (process.env.BENCH_SIZE ?? '1080x1920').split('x').map(Number) as [number, number];
const out = join(import.meta.dirname, '..', '..', 'test-output', `bench-characters-${width}x${height}`);
await mkdir(out, { recursive: true });
const clipPath = join(out, 'episode.mp4');
const specPath = join(out, 'shots.json');

if (!existsSync(clipPath) || !existsSync(specPath)) {
  const r = rng(2026);
  const people: Person[] = ['man', 'woman_a', 'woman_b'];
  const shots: FaceShotSpec[] = [];
  let total = 0;
  while (total < 300) {
    const duration = Math.min(300 - total, Math.round((1.2 + r() * 2.6) * 10) / 10);
    const n = r() < 0.12 ? 0 : r() < 0.7 ? 1 : 2;
    const size = Math.round(width * (n === 1 ? 0.3 + r() * 0.4 : 0.22 + r() * 0.12));
    const faces = Array.from({ length: n }, (_, k) => ({
      who: people[Math.floor(r() * people.length)]!,
      x: n === 1 ? Math.round((width - size) * r() * 0.8) : Math.round(k * width * 0.5 + 10),
      y: Math.round(height * (0.15 + r() * 0.4)),
      size,
      talking: r() < 0.5,
    }));
    if (n === 2 && faces[0]!.who === faces[1]!.who)
      faces[1]!.who = people[(people.indexOf(faces[0]!.who) + 1) % 3]!;
    shots.push({
      duration,
      background: `0x${Math.floor(r() * 0xffffff)
        .toString(16)
        .padStart(6, '0')}`,
      faces,
    });
    total += duration;
  }
  console.log(`generating ${shots.length} shots, ${width}x${height} …`);
  const clip = await makeFaceClip({ path: clipPath, width, height, fps: 30, shots });
  await writeFile(specPath, JSON.stringify(clip.shots));
}

const shots = JSON.parse(await readFile(specPath, 'utf8')) as Array<{
  index: number;
  start: number;
  end: number;
}>;
const media = await probeMedia(clipPath);
/** CPU seconds of this process and of its finished children (ffmpeg), from /proc (Linux). */
function cpuSeconds(): number {
  const self = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const children = (Number(fields[14]) + Number(fields[15])) / 100;
  return (self.user + self.system) / 1e6 + children;
}
const os = await import('node:os');
// The machine is shared: the load around the run says how much of the wall time was ours.
const load0 = os.loadavg()[0]!;
let peak = 0;
const cpu0 = cpuSeconds();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const t0 = performance.now();
const faces = await runFaceStage(clipPath, media, shots, {
  ctx: noopStageContext(new AbortController().signal, out),
});
const t1 = performance.now();
const cpu1 = cpuSeconds();
const result = buildCharacters([{ episode: '1', faces, lines: [] }], { language: 'en' });
const t2 = performance.now();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const maxRss = process.resourceUsage().maxRSS * 1024;

console.log(
  `episode: ${media.durationSeconds.toFixed(1)} s, ${shots.length} shots, ${media.video?.width}x${media.video?.height}`,
);
console.log(
  `frames analysed: ${faces.stats.frames}; faces found: ${faces.stats.faces}; embeddings: ${faces.stats.embeddings}`,
);
console.log(
  `face stage wall time: ${((t1 - t0) / 1000).toFixed(1)} s (${((t1 - t0) / 1000 / media.durationSeconds).toFixed(2)}x the episode length)`,
);
console.log(
  `character step: ${(t2 - t1).toFixed(0)} ms, ${result.characters.length} characters (${result.characters.filter((c) => !c.extra).length} cast), ${result.unassigned_tracks} unassigned tracks`,
);
console.log(
  `face stage CPU time (node + ffmpeg): ${(cpu1 - cpu0).toFixed(1)} s (${((cpu1 - cpu0) / media.durationSeconds).toFixed(2)}x the episode length); load average ${load0.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after, on ${os.availableParallelism()} cores`,
);
console.log(`peak memory (RSS): ${(Math.max(peak, maxRss) / 1024 / 1024).toFixed(0)} MB`);
