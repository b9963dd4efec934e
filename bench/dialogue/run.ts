/**
 * `npm run bench:dialogue`: the dialogue stage on a generated 5-minute 1080x1920 episode with a
 * new subtitle every 3 s (Chinese, every fourth one bilingual; background cuts every 7.5 s).
 * Prints stage wall time, OCR calls against distinct subtitles, accuracy and peak memory.
 * The episode is cached in $REELSCRIPT_BENCH_DIR (default: the OS temp dir). BENCH_COLOR=red
 * draws every subtitle in that colour (red letters take the pure-colour scan: RGB decode).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDialogueStage } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { ocrCallCount } from '../../src/pipeline/subtitles/ocr.js';
import { sampleCount } from '../../src/pipeline/subtitles/sample.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeSubtitledVideo, type BurnedCue } from '../../test/fixtures/subtitled-video.js';
import { cer, duplicates, matchCues } from '../../eval/dialogue/score.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 300);
const COLOR = process.env.BENCH_COLOR;
const FPS = 25;
const WHO = ['我', '你', '他', '她', '我们', '你们', '老板', '妈妈', '哥哥', '总裁'];
const DO = ['今天', '明天', '刚才', '早就', '一定', '从来没有', '不会', '马上'];
const WHAT = [
  '回家吃饭',
  '去公司开会',
  '相信你说的话',
  '离开这里',
  '告诉她真相',
  '签这份合同',
  '原谅他',
  '把钱还给你',
  '见到那个人',
  '忘记这件事',
];
const EN = [
  'I will not let you go.',
  'Where were you last night?',
  'This is not over.',
  'Tell me the truth.',
  'We need to talk.',
];

function cues(): BurnedCue[] {
  const out: BurnedCue[] = [];
  for (let i = 0, t = 1; t + 2.6 < DURATION - 0.5; i++, t += 3) {
    const zh = `${WHO[i % WHO.length]}${DO[(i * 3) % DO.length]}${WHAT[(i * 7) % WHAT.length]}`;
    out.push({
      start: t,
      end: t + 2.6,
      lines: i % 4 === 3 ? [zh, EN[i % EN.length]!] : [zh],
      fadeIn: i % 10 === 5 ? 0.2 : undefined,
      color: COLOR,
    });
  }
  return out;
}

const dir = process.env.REELSCRIPT_BENCH_DIR ?? join(tmpdir(), 'reelscript-bench');
await mkdir(dir, { recursive: true });
const file = join(dir, `dialogue-${DURATION}s-1080x1920${COLOR ? `-${COLOR}` : ''}.mp4`);
const truth = cues();
if (!existsSync(file)) {
  const t = Date.now();
  console.log(`generating ${file} …`);
  const segments = Array.from({ length: Math.ceil(DURATION / 7.5) }, (_, i) =>
    Math.min(7.5, DURATION - i * 7.5),
  );
  await makeSubtitledVideo({
    path: file,
    width: 1080,
    height: 1920,
    fps: FPS,
    segments,
    cues: truth,
    logo: '短剧频道',
    backgrounds: 2,
  });
  await rm(`${file}.parts`, { recursive: true, force: true });
  console.log(`generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
const work = join(dir, 'work');
await rm(work, { recursive: true, force: true });
const signal = new AbortController().signal;
const media = await probeMedia(file, signal);
const calls0 = ocrCallCount();
const t0 = Date.now();
const r = await runDialogueStage(file, media, {
  ctx: noopStageContext(signal, work),
  language: 'zh',
  useSubtitle: true,
  asr: null,
});
const wall = (Date.now() - t0) / 1000;
const m = matchCues(
  r.lines.map((l) => ({ start: l.start, end: l.end, text: l.text })),
  truth.map((c) => ({ start: c.start, end: c.end, text: c.lines[0]! })),
);
const within2 = m.filter(
  (x) => Math.abs(x.dStart) * FPS <= 2 + 1e-6 && Math.abs(x.dEnd) * FPS <= 2 + 1e-6,
).length;
const distinct = new Set(truth.map((c) => c.lines.join('|'))).size;
const calls = ocrCallCount() - calls0;
const sampling = sampleCount(DURATION);
console.log(
  `episode            ${DURATION} s, 1080x1920 @${FPS} fps, ${truth.length} subtitle cues (${distinct} distinct texts)`,
);
console.log(
  `dialogue stage     ${wall.toFixed(1)} s wall (${((wall / DURATION) * 100).toFixed(1)} % of the episode's duration)`,
);
console.log(
  `OCR calls          ${calls} = ${sampling} band-sampling frames + ${calls - sampling} subtitle reads (${truth.length} cues, ${distinct} distinct texts) → ${r.lines.length} lines, ${duplicates(r.lines)} duplicated`,
);
console.log(
  `accuracy           CER ${cer(r.lines.map((l) => l.text).join(''), truth.map((c) => c.lines[0]).join('')).toFixed(4)}, ${within2}/${truth.length} cues with both boundaries within ±2 frames`,
);
for (const x of m
  .filter(
    (x) => !x.hyp || x.hyp.text !== x.ref.text || Math.abs(x.dStart) * FPS > 2 || Math.abs(x.dEnd) * FPS > 2,
  )
  .slice(0, 12))
  console.log(
    `  miss ${x.ref.start.toFixed(2)}-${x.ref.end.toFixed(2)} ${x.ref.text} → ${x.hyp ? `${x.hyp.start.toFixed(2)}-${x.hyp.end.toFixed(2)} ${x.hyp.text}` : 'missing'}`,
  );
console.log(`peak memory (RSS)  ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(
  `warnings           ${r.warnings.join(' | ') || 'none'}; on-screen text: ${r.onscreenText.map((o) => o.text).join(' | ') || 'none'}`,
);
