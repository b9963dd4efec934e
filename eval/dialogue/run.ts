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
import { parseSrt } from '../../src/pipeline/subtitles/srt.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeSubtitledVideo } from '../../test/fixtures/subtitled-video.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { GENERATED } from './generated.js';
import { cer, duplicates, matchCues, type Timed } from './score.js';
import { evalSpeech } from './speech.js';

const MEDIA =
  process.env.REELSCRIPT_EVAL_MEDIA ?? new URL('../../../shared/eval/media', import.meta.url).pathname;
const signal = new AbortController().signal;
const tmp = tempDir('reelscript-eval-dialogue-');
const only = process.argv[2];

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

function report(
  name: string,
  r: DialogueResult,
  seconds: number,
  ref: RefCue[],
  fps: number,
  language: 'zh' | 'en',
): { cer: number; maxFrames: number } {
  const text = (c: RefCue): string => c[language] ?? c.text ?? '';
  const hyp: Timed[] = r.lines.map((l) => ({ start: l.start, end: l.end, text: l.text }));
  const c = cer(hyp.map((h) => h.text).join(''), ref.map(text).join(''));
  const m = matchCues(
    hyp,
    ref.map((x) => ({ start: x.start, end: x.end, text: text(x) })),
  );
  const frames = m.flatMap((x) => [Math.abs(x.dStart), Math.abs(x.dEnd)].map((d) => d * fps));
  const maxFrames = Math.max(0, ...frames.map((f) => (Number.isFinite(f) ? f : 99)));
  const second = ref.some((x) => x.en && language === 'zh')
    ? ` | en CER ${fmt(cer(r.lines.map((l) => l.translations?.map((t) => t.text).join(' ') ?? '').join(''), ref.map((x) => x.en ?? '').join('')))}`
    : '';
  console.log(
    `${name.padEnd(44)} ${r.source.padEnd(14)} lines ${String(r.lines.length).padStart(2)}/${String(ref.length).padEnd(2)} CER ${fmt(c)}${second} | max boundary err ${fmt(maxFrames, 1)} fr | dup ${duplicates(hyp)} | ${fmt(seconds, 1)} s`,
  );
  for (const x of m)
    if (!x.hyp || Math.abs(x.dStart) * fps > 2 || Math.abs(x.dEnd) * fps > 2 || cer(x.hyp.text, x.ref.text) > 0)
      console.log(
        `    ${fmt(x.ref.start)}-${fmt(x.ref.end)} "${x.ref.text}" → ${x.hyp ? `${fmt(x.hyp.start)}-${fmt(x.hyp.end)} "${x.hyp.text}"` : 'missing'}`,
      );
  if (r.onscreenText.length)
    console.log(`    on-screen text: ${r.onscreenText.map((o) => o.text).join(' | ')}`);
  return { cer: c, maxFrames };
}

async function burned(): Promise<void> {
  console.log('\n== Burned-in subtitles (hard-subbed clips, reference.json)');
  const refs = JSON.parse(readFileSync(new URL('./reference.json', import.meta.url), 'utf8')) as {
    clips: Record<string, { fps: number; cues: RefCue[] }>;
  };
  for (const [clip, ref] of Object.entries(refs.clips)) {
    const { r, seconds } = await stage(join(MEDIA, 'subtitles_ocr', clip), 'zh');
    report(clip, r, seconds, ref.cues, ref.fps, 'zh');
  }
  console.log('\n== Burned-in subtitles (generated clips; truth by construction)');
  for (const [name, spec] of Object.entries(GENERATED)) {
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
  for (const [file, srt] of [
    ['popeye_T00-1_pgs.mkv', 'popeye_p3.eng.srt'],
    ['popeye_T03-4_pgs.mkv', 'popeye_p1.eng.srt'],
    ['popeye_T00-1_vobsub.mkv', 'popeye_p3.eng.srt'],
  ] as const) {
    const dir = join(MEDIA, 'subtitles_ocr', 'popeye');
    const ref = parseSrt(readFileSync(join(dir, srt), 'utf8')).map((c) => ({
      start: c.start,
      end: c.end,
      text: c.lines.join(' '),
    }));
    const { r, seconds } = await stage(join(dir, file), 'en');
    report(`popeye/${file}`, r, seconds, ref, 24, 'en');
  }
}

try {
  if (!only || only === 'burned') await burned();
  if (!only || only === 'bitmap') await bitmap();
  if (!only || only === 'speech') await evalSpeech(MEDIA, signal);
} finally {
  tmp.cleanup();
}
