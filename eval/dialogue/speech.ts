/** Speech part of eval:dialogue: VAD against pyannote turns, ASR CER per clip. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAsrEngine } from '../../src/pipeline/speech/asr/index.js';
import type { AsrEngineConfig } from '../../src/pipeline/speech/asr/types.js';
import { decodeAudio } from '../../src/pipeline/speech/audio.js';
import { detectSpeech } from '../../src/pipeline/speech/silero.js';
import { transcribeSpeech } from '../../src/pipeline/speech/transcribe.js';
import { cer, parseRttm, speechOverlap, unionSpans } from './score.js';

/** An HTTP engine from the environment if one is configured, else pocketsphinx (English only). */
function engineConfig(): AsrEngineConfig {
  const url = process.env.REELSCRIPT_ASR_URL;
  return url
    ? {
        kind: 'openai',
        url,
        model: process.env.REELSCRIPT_ASR_MODEL ?? 'whisper-1',
        apiKey: process.env.REELSCRIPT_ASR_KEY ?? null,
      }
    : { kind: 'pocketsphinx' };
}

export async function evalSpeech(media: string, signal: AbortSignal): Promise<void> {
  const dir = join(media, 'speech');
  console.log('\n== VAD (silero) against pyannote reference turns (10 ms frames)');
  for (const [wav, rttm, id] of [
    ['pyannote/sample.wav', 'pyannote/sample.rttm', 'sample'],
    ['pyannote/tst00.wav', 'pyannote/debug.test.rttm', 'tst00'],
  ] as const) {
    const pcm = await decodeAudio(join(dir, wav), signal);
    const t = Date.now();
    const ours = await detectSpeech(pcm, signal);
    const ref = unionSpans(parseRttm(readFileSync(join(dir, rttm), 'utf8'), id));
    const o = speechOverlap(ours, ref, pcm.length / 16000);
    const firstStart = (ours[0]?.start ?? NaN) - (ref[0]?.start ?? NaN);
    console.log(
      `${wav.padEnd(28)} segments ${ours.length} (ref spans ${ref.length}) precision ${o.precision.toFixed(3)} recall ${o.recall.toFixed(3)} first-onset err ${firstStart.toFixed(3)} s | VAD ${(Date.now() - t) / 1000} s for ${(pcm.length / 16000).toFixed(1)} s`,
    );
  }
  const cfg = engineConfig();
  const engine = createAsrEngine(cfg);
  console.log(`\n== Speech recognition CER/WER per clip (engine ${engine.name})`);
  const clips: Array<{ file: string; ref: string; language: string }> = [
    { file: 'jfk/jfk.wav', ref: readFileSync(join(dir, 'jfk/jfk.reference.txt'), 'utf8'), language: 'en' },
    ...readFileSync(join(dir, 'librivox_pocketsphinx/transcription'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('('))
      .map((l) => ({
        file: `librivox_pocketsphinx/${/\(([^)]+)\)/.exec(l)![1]}.wav`,
        ref: l.replace(/<\/?s>|\(.*\)/g, '').trim(),
        language: 'en',
      })),
    ...readFileSync(join(dir, 'zh_firered/text'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => ({
        file: `zh_firered/${l.split(/\s+/)[0]}.wav`,
        ref: l.split(/\s+/).slice(1).join(''),
        language: 'zh',
      })),
  ];
  for (const c of clips) {
    if (cfg.kind === 'pocketsphinx' && c.language !== 'en') {
      console.log(
        `${c.file.padEnd(60)} no engine for ${c.language} (pocketsphinx is English only; set REELSCRIPT_ASR_URL)`,
      );
      continue;
    }
    const pcm = await decodeAudio(join(dir, c.file), signal);
    const speech = await detectSpeech(pcm, signal);
    const t = Date.now();
    const lines = await transcribeSpeech(pcm, speech, engine, { language: c.language, signal });
    const hyp = lines.map((l) => l.text).join(' ');
    const words = (s: string): string[] =>
      s
        .toLowerCase()
        .replace(/[^a-z' ]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const wer = c.language === 'en' ? ` WER ${wordError(words(hyp), words(c.ref)).toFixed(3)}` : '';
    console.log(
      `${c.file.padEnd(60)} CER ${cer(hyp, c.ref).toFixed(3)}${wer} | ${((Date.now() - t) / 1000).toFixed(1)} s | "${hyp.slice(0, 70)}"`,
    );
  }
}

function wordError(h: string[], r: string[]): number {
  let prev = Array.from({ length: h.length + 1 }, (_, j) => j);
  for (let i = 1; i <= r.length; i++) {
    const cur = [i];
    for (let j = 1; j <= h.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (r[i - 1] === h[j - 1] ? 0 : 1));
    prev = cur;
  }
  return r.length ? prev[h.length]! / r.length : 0;
}
