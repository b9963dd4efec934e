/**
 * whisper.cpp in-process via @napi-rs/whisper, given a ggml model file. The model is checked
 * before loading so a missing or wrong file is a clear error, and loaded once per path. A
 * corrupt file with a valid header makes whisper.cpp abort the whole process, so the first load
 * of each path is tried in a throwaway child process first.
 * Note: `full()` is synchronous and holds the worker's event loop while it runs.
 */
import { open, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ProcessError, runProcess } from '../../../process/spawn.js';
import type * as WhisperModule from '@napi-rs/whisper';
import { AsrError, type AsrEngine } from './types.js';

interface WhisperContext {
  full(params: unknown, samples: Float32Array): string;
}
const contexts = new Map<string, Promise<{ ctx: WhisperContext; mod: typeof WhisperModule }>>();

/** ggml files start with the magic 0x67676d6c ("lmgg" on disk); gguf with "GGUF". */
export function isGgmlHeader(head: Buffer): boolean {
  return (
    head.length >= 4 &&
    (head.readUInt32LE(0) === 0x67676d6c || head.subarray(0, 4).toString('latin1') === 'GGUF')
  );
}

async function checkModel(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new AsrError(`whisper model file not found: ${path}`, 'whisper');
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    if (!isGgmlHeader(head) || info.size < 1024 * 1024)
      throw new AsrError(
        `whisper model file is not a ggml whisper model (bad header or truncated, ${info.size} bytes): ${path}`,
        'whisper',
      );
  } finally {
    await fh.close();
  }
}

const TRIAL_LOAD = `const { Whisper } = require(process.argv[1]);
try { new Whisper(process.argv[2]); } catch (e) { console.error(e.message); process.exit(2); }`;

/** Load the model once in a child process: a crash there is an error here, not our exit. */
async function trialLoad(path: string): Promise<void> {
  const binding = createRequire(import.meta.url).resolve('@napi-rs/whisper');
  try {
    await runProcess(process.execPath, { args: ['-e', TRIAL_LOAD, binding, path], timeoutMs: 10 * 60_000 });
  } catch (err) {
    const detail = err instanceof ProcessError ? err.stderrTail.trim().split('\n').slice(-1)[0] : String(err);
    throw new AsrError(
      `whisper model could not be loaded (corrupt file?): ${path}: ${detail ?? 'crashed'}`,
      'whisper',
    );
  }
}

function load(path: string): Promise<{ ctx: WhisperContext; mod: typeof WhisperModule }> {
  let p = contexts.get(path);
  if (!p) {
    p = (async () => {
      await checkModel(path);
      await trialLoad(path);
      const mod = await import('@napi-rs/whisper');
      try {
        return { ctx: new mod.Whisper(path) as unknown as WhisperContext, mod };
      } catch (err) {
        throw new AsrError(
          `whisper model could not be loaded (corrupt file?): ${path}: ${err instanceof Error ? err.message : String(err)}`,
          'whisper',
        );
      }
    })();
    contexts.set(path, p);
    p.catch(() => contexts.delete(path));
  }
  return p;
}

/** Longest wait for segment callbacks after `full()` returned. */
const SEGMENT_WAIT_MS = 5000;

/**
 * The binding hands segments to JS through a thread-safe function, so they arrive after
 * `full()` has returned: wait until their text adds up to what `full()` returned.
 */
async function segmentsOf(
  text: string,
  segments: ReadonlyArray<{ text: string }>,
  signal: AbortSignal,
): Promise<void> {
  const squash = (t: string): string => t.replace(/\s+/g, '');
  const want = squash(text);
  const deadline = Date.now() + SEGMENT_WAIT_MS;
  while (squash(segments.map((s) => s.text).join('')) !== want) {
    signal.throwIfAborted();
    if (Date.now() > deadline)
      throw new AsrError(`whisper returned text but only ${segments.length} segment(s) of it`, 'whisper');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function whisperEngine(cfg: { modelPath: string; threads?: number }): AsrEngine {
  return {
    name: `whisper:${cfg.modelPath}`,
    async transcribe(pcm, { language, signal }) {
      const { ctx, mod } = await load(cfg.modelPath);
      signal.throwIfAborted();
      const params = new mod.WhisperFullParams(mod.WhisperSamplingStrategy.Greedy);
      params.nThreads = cfg.threads ?? 2;
      params.language = language && language !== 'auto' ? language : 'auto';
      params.printProgress = false;
      const segments: Array<{ text: string; start: number; end: number }> = [];
      params.onNewSegment = (s) => segments.push(s);
      const text = ctx.full(params, pcm);
      await segmentsOf(text, segments, signal);
      // whisper.cpp reports segment times in centiseconds, over 30 s windows that can run past
      // the end of the audio.
      const duration = pcm.length / 16_000;
      return segments
        .map((s) => ({
          start: Math.min(duration, s.start / 100),
          end: Math.min(duration, s.end / 100),
          text: s.text.trim(),
          confidence: 0.5,
        }))
        .filter((s) => s.text);
    },
  };
}
