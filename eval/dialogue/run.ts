/**
 * `npm run eval:dialogue`: the dialogue stage on the eval media and on generated clips.
 * Burned-in: CER against reference text (reference.json, generated truth), cue boundary error in
 * frames, duplicated lines. Bitmap tracks (Popeye PGS/VobSub): CER and timing against the SRTs.
 * Speech: silero VAD against pyannote turns; pocketsphinx (or a configured HTTP engine) CER.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDialogueStage, type DialogueResult } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import { bitmapEventsArgs } from '../../src/pipeline/subtitles/args.js';
import { displayIntervals, parseBitmapProbe } from '../../src/pipeline/subtitles/bitmap-timing.js';
import { parseSrt } from '../../src/pipeline/subtitles/srt.js';
import { runProcess } from '../../src/process/spawn.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeSubtitledVideo } from '../../test/fixtures/subtitled-video.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { GENERATED, overFootage } from './generated.js';
import { cer, cerSpaced, duplicates, matchCues, type Timed } from './score.js';
import { evalSpeech } from './speech.js';

const MEDIA =
  process.env.REELSCRIPT_EVAL_MEDIA ?? new URL('../../../shared/eval/media', import.meta.url).pathname;
const signal = new AbortController().signal;
const tmp = tempDir('reelscript-eval-dialogue-');
const only = process.argv[2];
/** Optional second argument: run only the clips whose name contains it. */
const clipFilter = process.argv[3];
const wanted = (name: string): boolean => !clipFilter || name.includes(clipFilter);

interface RefCue {
  start: number;
  end: number;
  zh?: string;
  en?: string;
  text?: string;
}

async function stage(file: string, language: string): Promise<{ r: DialogueResult; seconds: number }> {
  const t = Date.now();
  const r = await runDialogueStage(file, await probeMedia(file, signal), {
    ctx: noopStageContext(signal, tmp.dir),
    language,
    useSubtitle: true,
    asr: null,
  });
  return { r, seconds: (Date.now() - t) / 1000 };
}

const fmt = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : '-');

interface ReportOptions {
  /** Seconds a track's clock may run early or late when matching cues (VobSub here: ~0.35 s). */
  slack?: number;
  /** Reference cues the file's own track does not contain (left out of CER and timing). */
  absent?: ReadonlySet<number>;
}

function report(
  name: string,
  r: DialogueResult,
  seconds: number,
  allRef: RefCue[],
  fps: number,
  language: 'zh' | 'en',
  opts: ReportOptions = {},
): { cer: number; maxFrames: number } {
  const ref = allRef.filter((_, i) => !opts.absent?.has(i));
  const text = (c: RefCue): string => c[language] ?? c.text ?? '';
  const hyp: Timed[] = r.lines.map((l) => ({ start: l.start, end: l.end, text: l.text }));
  const c = cer(hyp.map((h) => h.text).join(''), ref.map(text).join(''));
  const m = matchCues(
    hyp,
    ref.map((x) => ({ start: x.start, end: x.end, text: text(x) })),
    opts.slack ?? 0,
  );
  const errs = m
    .flatMap((x) => [Math.abs(x.dStart), Math.abs(x.dEnd)])
    .map((d) => (Number.isFinite(d) ? d : 99));
  const frames = errs.map((d) => d * fps);
  const maxFrames = Math.max(0, ...frames);
  const median = [...errs].sort((a, b) => a - b)[errs.length >> 1] ?? 0;
  // Word spaces matter in Latin script: score English with them kept.
  const enHyp = r.lines.map((l) =>
    language === 'en' ? l.text : (l.translations?.map((t) => t.text).join(' ') ?? ''),
  );
  const enRef = ref.map((x) => (language === 'en' ? text(x) : (x.en ?? '')));
  const spaced = enRef.some(Boolean)
    ? ` | en CER ${language === 'en' ? '' : `${fmt(cer(enHyp.join(' '), enRef.join(' ')))} `}w/ spaces ${fmt(cerSpaced(enHyp.join(' '), enRef.join(' ')))}`
    : '';
  const inTrack = opts.absent ? ` (${opts.absent.size} not in the file's track)` : '';
  console.log(
    `${name.padEnd(44)} ${r.source.padEnd(14)} lines ${String(r.lines.length).padStart(2)}/${String(ref.length).padEnd(2)}${inTrack} CER ${fmt(c)}${spaced} | boundary err max ${fmt(maxFrames, 1)} fr, median ${fmt(median)} s | dup ${duplicates(hyp)} | ${fmt(seconds, 1)} s`,
  );
  for (const x of m)
    if (
      !x.hyp ||
      Math.abs(x.dStart) > Math.max(2 / fps, opts.slack ?? 0) ||
      Math.abs(x.dEnd) > Math.max(2 / fps, opts.slack ?? 0) ||
      (language === 'en' ? cerSpaced(x.hyp.text, x.ref.text) : cer(x.hyp.text, x.ref.text)) > 0
    )
      console.log(
        `    ${fmt(x.ref.start)}-${fmt(x.ref.end)} "${x.ref.text}" → ${x.hyp ? `${fmt(x.hyp.start)}-${fmt(x.hyp.end)} "${x.hyp.text}"` : 'missing'}`,
      );
  const matched = new Set(m.map((x) => x.hyp));
  for (const h of hyp.filter((x) => !matched.has(x)))
    console.log(`    extra line ${fmt(h.start)}-${fmt(h.end)} "${h.text}"`);
  for (const i of opts.absent ?? [])
    console.log(
      `    ${fmt(allRef[i]!.start)}-${fmt(allRef[i]!.end)} "${text(allRef[i]!)}" (no picture in the track)`,
    );
  if (r.onscreenText.length)
    console.log(`    on-screen text: ${r.onscreenText.map((o) => o.text).join(' | ')}`);
  return { cer: c, maxFrames };
}

/**
 * Reference cues during which the file's bitmap track shows nothing (per ffmpeg's decoder): the
 * Popeye PGS files lack some display sets of the SRT (their composition numbers skip).
 */
async function absentFromTrack(file: string, ref: RefCue[], slack: number): Promise<Set<number>> {
  const probe = await probeMedia(file, signal);
  const track = probe.subtitles[0];
  if (!track) return new Set(ref.map((_, i) => i));
  const { stdout } = await runProcess('ffprobe', { args: bitmapEventsArgs(file, track.index), signal });
  const shown = displayIntervals(parseBitmapProbe(stdout).events, probe.startTime + probe.durationSeconds);
  const absent = new Set<number>();
  ref.forEach((c, i) => {
    if (!shown.some((s) => Math.min(s.end, c.end + slack) - Math.max(s.start, c.start - slack) > 0.2))
      absent.add(i);
  });
  return absent;
}

async function burned(): Promise<void> {
  console.log('\n== Burned-in subtitles (hard-subbed clips, reference.json)');
  const refs = JSON.parse(readFileSync(new URL('./reference.json', import.meta.url), 'utf8')) as {
    clips: Record<string, { fps: number; cues: RefCue[] }>;
  };
  for (const [clip, ref] of Object.entries(refs.clips)) {
    if (!wanted(clip)) continue;
    const { r, seconds } = await stage(join(MEDIA, 'subtitles_ocr', clip), 'zh');
    report(clip, r, seconds, ref.cues, ref.fps, 'zh');
  }
  console.log('\n== Burned-in subtitles (generated clips, some over real footage; truth by construction)');
  for (const [name, spec] of Object.entries({ ...GENERATED, ...overFootage(MEDIA) })) {
    if (!wanted(name)) continue;
    const clip = await makeSubtitledVideo({
      ...spec,
      path: join(tmp.dir, `${name.replace(/\W+/g, '_')}.mp4`),
    });
    const zh = spec.cues.some((c) => /[\u4e00-\u9fff]/.test(c.lines.join('')));
    const ref: RefCue[] = spec.cues.map((c) => {
      const zhLines = c.lines.filter((l) => /[\u4e00-\u9fff]/.test(l));
      const enLines = c.lines.filter((l) => !/[\u4e00-\u9fff]/.test(l));
      return {
        start: c.start,
        end: c.end,
        zh: zh && zhLines.length ? zhLines.join('') : enLines.join(' '),
        en: enLines.join(' '),
      };
    });
    const { r, seconds } = await stage(clip.path, zh ? 'zh' : 'en');
    report(name, r, seconds, ref, clip.fps, zh ? 'zh' : 'en');
  }
}

async function bitmap(): Promise<void> {
  console.log('\n== Bitmap subtitle tracks (Popeye; reference SRT; VobSub runs ~0.35 s early per MANIFEST)');
  for (const [file, srt, slack] of [
    ['popeye_T00-1_pgs.mkv', 'popeye_p3.eng.srt', 0.1],
    ['popeye_T03-4_pgs.mkv', 'popeye_p1.eng.srt', 0.1],
    ['popeye_T00-1_vobsub.mkv', 'popeye_p3.eng.srt', 0.5],
  ] as const) {
    const dir = join(MEDIA, 'subtitles_ocr', 'popeye');
    const ref = parseSrt(readFileSync(join(dir, srt), 'utf8')).map((c) => ({
      start: c.start,
      end: c.end,
      text: c.lines.join(' '),
    }));
    const absent = await absentFromTrack(join(dir, file), ref, slack);
    const { r, seconds } = await stage(join(dir, file), 'en');
    report(`popeye/${file}`, r, seconds, ref, 24, 'en', { slack, absent });
  }
}

try {
  if (!only || only === 'burned') await burned();
  if (!only || only === 'bitmap') await bitmap();
  if (!only || only === 'speech') await evalSpeech(MEDIA, signal);
} finally {
  tmp.cleanup();
}
