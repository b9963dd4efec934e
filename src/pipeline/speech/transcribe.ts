/** Runs an ASR engine over the speech segments (≤ 30 s chunks) and times its output globally. */
import type { AsrEngine } from './asr/types.js';
import { SAMPLE_RATE } from './audio.js';
import { chunkSpans, type Span } from './vad.js';

export interface AsrLine {
  start: number;
  end: number;
  text: string;
  confidence: number;
}

const CHUNK_SECONDS = 30;
const PAD = 0.2;

export async function transcribeSpeech(
  pcm: Float32Array,
  speech: readonly Span[],
  engine: AsrEngine,
  opts: { language: string; signal: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<AsrLine[]> {
  const chunks = chunkSpans(speech, CHUNK_SECONDS);
  const out: AsrLine[] = [];
  for (const [i, c] of chunks.entries()) {
    opts.signal.throwIfAborted();
    const from = Math.max(0, Math.floor((c.start - PAD) * SAMPLE_RATE));
    const to = Math.min(pcm.length, Math.ceil((c.end + PAD) * SAMPLE_RATE));
    const offset = from / SAMPLE_RATE;
    const segs = await engine.transcribe(pcm.slice(from, to), {
      language: opts.language,
      signal: opts.signal,
    });
    for (const s of segs)
      out.push({
        start: round(offset + s.start),
        end: round(offset + s.end),
        text: s.text,
        confidence: s.confidence,
      });
    opts.onProgress?.((i + 1) / chunks.length);
  }
  return out;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
