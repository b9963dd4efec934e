import { describe, expect, it } from 'vitest';
import { decodeAudioArgs, toWav } from './audio.js';

describe('audio helpers', () => {
  it('writes a 16-bit mono WAV header and clipped samples', () => {
    const wav = toWav(Float32Array.of(0, 1, -1, 2), 16000);
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(16000);
    expect(wav.readUInt32LE(40)).toBe(8);
    expect([wav.readInt16LE(44), wav.readInt16LE(46), wav.readInt16LE(48), wav.readInt16LE(50)]).toEqual([
      0, 32767, -32767, 32767,
    ]);
  });
  it('decodes the first audio stream to 16 kHz mono float', () => {
    expect(decodeAudioArgs('/a.mp4')).toEqual([
      '-v',
      'error',
      '-nostdin',
      '-i',
      '/a.mp4',
      '-map',
      '0:a:0',
      '-vn',
      '-ac',
      '1',
      '-ar',
      '16000',
      '-f',
      'f32le',
      'pipe:1',
    ]);
  });
});
