/**
 * Speech: VAD on every file, untranscribed speech reported, the OpenAI-compatible engine against
 * a loopback server that really transcribes (pocketsphinx), fallbacks and whisper model errors.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialogueStage, type DialogueOptions } from '../../src/pipeline/dialogue/index.js';
import { probeMedia } from '../../src/pipeline/probe/run.js';
import type { MediaInfo } from '../../src/pipeline/probe/types.js';
import { createAsrEngine } from '../../src/pipeline/speech/asr/index.js';
import { parsePocketsphinx } from '../../src/pipeline/speech/asr/pocketsphinx.js';
import { noopStageContext } from '../../src/pipeline/types.js';
import { makeSubtitledVideo } from '../fixtures/subtitled-video.js';
import { tempDir } from '../helpers/tmp.js';

const exec = promisify(execFile);
const KEY = 'test-key';

/** A minimal /v1/audio/transcriptions: takes the multipart `file`, runs pocketsphinx on it. */
function transcriptionServer(dir: string): Promise<Server> {
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.url !== '/v1/audio/transcriptions' || req.method !== 'POST') return res.writeHead(404).end();
        if (req.headers.authorization !== `Bearer ${KEY}`)
          return res.writeHead(401).end('{"error":"bad key"}');
        const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1] ?? '';
        const body = Buffer.concat(chunks);
        const part = body
          .toString('latin1')
          .split(`--${boundary}`)
          .find((p) => p.includes('name="file"'));
        if (!part) return res.writeHead(400).end('no file');
        const wav = `${dir}/upload${n++}.wav`;
        await writeFile(
          wav,
          Buffer.from(part.slice(part.indexOf('\r\n\r\n') + 4, part.lastIndexOf('\r\n')), 'latin1'),
        );
        const { stdout } = await exec('pocketsphinx_continuous', [
          '-infile',
          wav,
          '-time',
          'yes',
          '-logfn',
          '/dev/null',
        ]);
        const segments = parsePocketsphinx(stdout);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ text: segments.map((s) => s.text).join(' '), segments }));
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('dialogue stage: speech', () => {
  const tmp = tempDir();
  let server: Server;
  let url = '';
  let file = '';
  let media: MediaInfo;
  const run = (o: Partial<DialogueOptions>) =>
    runDialogueStage(file, media, {
      ctx: noopStageContext(new AbortController().signal, tmp.dir),
      language: 'en',
      useSubtitle: true,
      asr: null,
      ...o,
    });

  beforeAll(async () => {
    server = await transcriptionServer(tmp.dir);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const clip = await makeSubtitledVideo({
      path: `${tmp.dir}/speech.mp4`,
      width: 480,
      height: 270,
      segments: [9],
      // Only the first utterance has a subtitle.
      cues: [{ start: 0.4, end: 2.6, lines: ['Where are you going?'] }],
      speech: [
        { at: 0.5, text: 'where are you going' },
        { at: 5.0, text: 'where are you going' },
      ],
    });
    file = clip.path;
    media = await probeMedia(file);
  });
  afterAll(() => {
    server.close();
    tmp.cleanup();
  });

  it('transcribes through an OpenAI-compatible server when asked to use speech', async () => {
    const r = await run({ useSubtitle: false, asr: { kind: 'openai', url, model: 'sphinx', apiKey: KEY } });
    expect(r.source).toBe('asr');
    expect(r.speech.length).toBeGreaterThanOrEqual(2);
    expect(r.lines.length).toBeGreaterThanOrEqual(2);
    for (const l of r.lines) expect(l.source).toBe('asr');
    expect(r.lines.some((l) => l.start >= 4.5 && l.text.includes('going'))).toBe(true);
    expect(r.lines[0]!.start).toBeLessThan(1.5);
    expect(r.untranscribed).toEqual([]);
  });

  it('reports speech without a subtitle as untranscribed', async () => {
    const r = await run({});
    expect(r.source).toBe('subtitle_ocr');
    expect(r.lines).toHaveLength(1);
    expect(r.untranscribed).toHaveLength(1);
    expect(r.untranscribed[0]!.start).toBeGreaterThan(4.5);
    expect(r.untranscribed[0]!.start).toBeLessThan(5.6);
    expect(r.warnings.some((w) => w.includes('untranscribed'))).toBe(true);
  });

  it('falls back to subtitles with a warning when no engine is configured', async () => {
    const r = await run({ useSubtitle: false, asr: null });
    expect(r.source).toBe('subtitle_ocr');
    expect(r.warnings.some((w) => w.includes('no speech recognition engine is configured'))).toBe(true);
  });

  it('rejects a wrong API key with the server status', async () => {
    const engine = createAsrEngine({ kind: 'openai', url, model: 'sphinx', apiKey: 'wrong' });
    await expect(
      engine.transcribe(new Float32Array(16000), { language: 'en', signal: new AbortController().signal }),
    ).rejects.toThrow(/answered 401/);
  });

  it('gives clear errors for missing and corrupt whisper models, and the stage falls back', async () => {
    const signal = new AbortController().signal;
    const pcm = new Float32Array(16000);
    const missing = createAsrEngine({ kind: 'whisper', modelPath: `${tmp.dir}/nope.bin` });
    await expect(missing.transcribe(pcm, { language: 'en', signal })).rejects.toThrow(
      /whisper model file not found/,
    );
    await writeFile(`${tmp.dir}/notggml.bin`, Buffer.alloc(2 * 1024 * 1024, 7));
    const wrong = createAsrEngine({ kind: 'whisper', modelPath: `${tmp.dir}/notggml.bin` });
    await expect(wrong.transcribe(pcm, { language: 'en', signal })).rejects.toThrow(
      /not a ggml whisper model/,
    );
    const corrupt = Buffer.alloc(2 * 1024 * 1024, 3);
    corrupt.writeUInt32LE(0x67676d6c, 0);
    await writeFile(`${tmp.dir}/corrupt.bin`, corrupt);
    const bad = createAsrEngine({ kind: 'whisper', modelPath: `${tmp.dir}/corrupt.bin` });
    await expect(bad.transcribe(pcm, { language: 'en', signal })).rejects.toThrow(/could not be loaded/);
    const r = await run({ useSubtitle: false, asr: { kind: 'whisper', modelPath: `${tmp.dir}/nope.bin` } });
    expect(r.source).toBe('subtitle_ocr');
    expect(r.warnings.some((w) => w.includes('speech recognition failed') && w.includes('not found'))).toBe(
      true,
    );
  });
});
