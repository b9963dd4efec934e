/** I/O: decode a file's first audio stream to 16 kHz mono float PCM (for VAD and ASR). */
import { startProcess } from '../../process/spawn.js';

export const SAMPLE_RATE = 16000;

export function decodeAudioArgs(file: string): string[] {
  return [
    '-v',
    'error',
    '-nostdin',
    '-i',
    file,
    '-map',
    '0:a:0',
    '-vn',
    '-ac',
    '1',
    '-ar',
    String(SAMPLE_RATE),
    '-f',
    'f32le',
    'pipe:1',
  ];
}

export async function decodeAudio(file: string, signal: AbortSignal): Promise<Float32Array> {
  const proc = startProcess('ffmpeg', { args: decodeAudioArgs(file), signal, timeoutMs: 30 * 60_000 });
  proc.stdin.end();
  const chunks: Buffer[] = [];
  proc.stdout.on('data', (c: Buffer) => chunks.push(c));
  await proc.done;
  const all = Buffer.concat(chunks);
  const out = new Float32Array(Math.floor(all.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = all.readFloatLE(i * 4);
  return out;
}

/** 16-bit PCM WAV bytes of a mono float signal (what ASR engines and servers accept). */
export function toWav(pcm: Float32Array, rate = SAMPLE_RATE): Buffer {
  const buf = Buffer.alloc(44 + pcm.length * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + pcm.length * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(pcm.length * 2, 40);
  for (let i = 0; i < pcm.length; i++)
    buf.writeInt16LE(Math.round(Math.max(-1, Math.min(1, pcm[i]!)) * 32767), 44 + i * 2);
  return buf;
}
