import { describe, expect, it } from 'vitest';
import { parseTranscription, transcriptionsUrl } from './openai.js';
import { parsePocketsphinx } from './pocketsphinx.js';
import { isGgmlHeader } from './whisper.js';

describe('OpenAI-compatible transcription', () => {
  it('builds the endpoint from a base URL', () => {
    expect(transcriptionsUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/v1/audio/transcriptions');
    expect(transcriptionsUrl('https://api.example.com/v1/')).toBe(
      'https://api.example.com/v1/audio/transcriptions',
    );
    expect(transcriptionsUrl('http://h/v1/audio/transcriptions')).toBe('http://h/v1/audio/transcriptions');
  });
  it('reads verbose_json segments, or plain text spanning the audio', () => {
    expect(
      parseTranscription(
        {
          text: 'a b',
          segments: [
            { start: 0.5, end: 1.5, text: ' a ', avg_logprob: 0 },
            { start: 2, end: 3, text: '' },
          ],
        },
        4,
      ),
    ).toEqual([{ start: 0.5, end: 1.5, text: 'a', confidence: 1 }]);
    expect(parseTranscription({ text: ' hello ' }, 4)).toEqual([
      { start: 0, end: 4, text: 'hello', confidence: 0.5 },
    ]);
    expect(parseTranscription({ text: '' }, 4)).toEqual([]);
  });
});

describe('pocketsphinx output', () => {
  it('turns word timings into one segment per utterance', () => {
    const out = [
      'what your country',
      '<s> 5.300 5.340 0.999200',
      'what 5.350 5.600 0.285662',
      'your 5.610 5.850 0.709042',
      '<sil> 5.86 5.9 0.5',
      'country(2) 5.860 6.420 0.473555',
      '</s> 7.680 7.950 1.000000',
      'and not',
      '<s> 8.0 8.1 1.0',
      'not 8.2 8.5 0.8',
      '</s> 8.6 8.7 1.0',
    ].join('\n');
    const segs = parsePocketsphinx(out);
    expect(segs.map((s) => [s.start, s.end, s.text])).toEqual([
      [5.35, 6.42, 'what your country'],
      [8.2, 8.5, 'not'],
    ]);
  });
});

describe('whisper model check', () => {
  it('recognises ggml and gguf headers only', () => {
    expect(isGgmlHeader(Buffer.from('lmgg\0\0', 'latin1'))).toBe(true);
    expect(isGgmlHeader(Buffer.from('GGUF', 'latin1'))).toBe(true);
    expect(isGgmlHeader(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
  });
});
