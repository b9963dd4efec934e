/**
 * The whisper.cpp engine end to end on a tiny synthetic ggml model (test/fixtures/ggml-whisper.ts):
 * no real model is installable here, so this proves that a structurally valid model passes the
 * engine's checks and trial load and that whisper.cpp runs the encoder and decoder on it. The
 * weights are random, so the decoded "text" is gibberish and no word is asserted.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Whisper, WhisperFullParams, WhisperSamplingStrategy } from '@napi-rs/whisper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsrSegment } from '../../src/pipeline/speech/asr/types.js';
import { whisperEngine } from '../../src/pipeline/speech/asr/whisper.js';
import { writeGgmlWhisperModel } from '../fixtures/ggml-whisper.js';
import { tempDir } from '../helpers/tmp.js';

const RATE = 16000;
const SECONDS = 3;
/** whisper.cpp decodes 30 s windows; timestamps of a random model can fall anywhere inside one. */
const WINDOW_SECONDS = 30;

/** A 220 Hz tone pulsing four times a second: deterministic audio with some structure. */
function pulsingTone(): Float32Array {
  const pcm = new Float32Array(RATE * SECONDS);
  for (let i = 0; i < pcm.length; i++) {
    const t = i / RATE;
    pcm[i] = 0.3 * Math.sin(2 * Math.PI * 220 * t) * (0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t));
  }
  return pcm;
}

function expectWellFormed(segments: AsrSegment[]): void {
  for (const s of segments) {
    expect(Number.isFinite(s.start) && Number.isFinite(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.confidence).toBe(0.5);
  }
}

describe('whisper engine on a synthetic ggml model', () => {
  const tmp = tempDir();
  const modelPath = `${tmp.dir}/ggml-synthetic.bin`;
  const pcm = pulsingTone();
  const signal = new AbortController().signal;
  let size = 0;

  beforeAll(async () => {
    size = await writeGgmlWhisperModel(modelPath);
  });
  afterAll(() => tmp.cleanup());

  it('passes the size check and the trial load, and transcribe resolves with well-formed segments', async () => {
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(size).toBeLessThan(10 * 1024 * 1024);
    // The first transcribe checks the file, loads it in a child process, then loads it here.
    const segments = await whisperEngine({ modelPath, threads: 2 }).transcribe(pcm, {
      language: 'en',
      signal,
    });
    expect(Array.isArray(segments)).toBe(true);
    expectWellFormed(segments);
  });

  it('the trial load tells it apart from a copy whose header disagrees with its tensors', async () => {
    const bytes = await readFile(modelPath);
    bytes.writeInt32LE(81, 40); // n_mels: encoder.conv1.weight no longer has the expected shape
    const bad = `${tmp.dir}/ggml-bad-mels.bin`;
    await writeFile(bad, bytes);
    await expect(
      whisperEngine({ modelPath: bad, threads: 2 }).transcribe(pcm, { language: 'en', signal }),
    ).rejects.toThrow(/could not be loaded/);
  });

  it('whisper.cpp runs encoder and decoder on it: full() decodes tokens into a timed segment', async () => {
    const ctx = new Whisper(modelPath);
    expect(ctx.modelNVocab).toBe(51865);
    expect(ctx.isMultilingual).toBe(1);
    const params = new WhisperFullParams(WhisperSamplingStrategy.Greedy);
    params.nThreads = 2;
    params.language = 'en';
    params.printProgress = false;
    const segments: Array<{ text: string; start: number; end: number }> = [];
    params.onNewSegment = (s) => segments.push(s);
    const text = ctx.full(params, pcm);
    expect(text.trim().length).toBeGreaterThan(0);
    // Segments reach JS through a thread-safe function: after full() has returned.
    for (let i = 0; i < 100 && segments.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(segments.length).toBeGreaterThan(0);
    expectWellFormed(
      segments.map((s) => ({ ...s, start: s.start / 100, end: s.end / 100, confidence: 0.5 })),
    );
    expect(segments.map((s) => s.text.trim()).join(' ')).toBe(text.trim());
  });

  // The engine used to return right after full(), before any segment had arrived ([] always).
  it('the engine returns the segments whisper.cpp decoded, within the audio', async () => {
    const segments = await whisperEngine({ modelPath, threads: 2 }).transcribe(pcm, {
      language: 'en',
      signal,
    });
    expect(segments.length).toBeGreaterThan(0);
    for (const seg of segments) expect(seg.end).toBeLessThanOrEqual(pcm.length / 16_000);
  });
});
