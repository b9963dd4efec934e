import { describe, expect, it } from 'vitest';
import { normaliseRotation, parseProbe, parseRate } from './parse.js';

const stream = (over: Record<string, unknown>) => ({
  codec_type: 'video',
  codec_name: 'h264',
  width: 1920,
  height: 1080,
  avg_frame_rate: '30/1',
  r_frame_rate: '30/1',
  ...over,
});

describe('parseProbe', () => {
  it('swaps display width/height for a rotated portrait video', () => {
    const info = parseProbe(
      JSON.stringify({
        streams: [stream({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] })],
        format: { format_name: 'mov,mp4', duration: '12.5' },
      }),
    );
    expect(info.kind).toBe('video');
    expect(info.video).toMatchObject({ width: 1080, height: 1920, storedWidth: 1920, rotation: 90 });
    expect(info.durationSeconds).toBe(12.5);
  });
  it('classifies audio-only, images and garbage', () => {
    expect(
      parseProbe(
        JSON.stringify({
          streams: [{ codec_type: 'audio', codec_name: 'aac', sample_rate: '16000', channels: 1 }],
          format: { duration: '2' },
        }),
      ).kind,
    ).toBe('audio');
    expect(
      parseProbe(
        JSON.stringify({ streams: [stream({ codec_name: 'mjpeg' })], format: { format_name: 'image2' } }),
      ).kind,
    ).toBe('image');
    expect(parseProbe('not json').kind).toBe('unknown');
  });
  it('flags variable frame rate and lists subtitle tracks by kind', () => {
    const info = parseProbe(
      JSON.stringify({
        streams: [
          stream({ avg_frame_rate: '24000/1001', r_frame_rate: '30/1' }),
          { index: 2, codec_type: 'subtitle', codec_name: 'hdmv_pgs_subtitle', tags: { language: 'eng' } },
          { index: 3, codec_type: 'subtitle', codec_name: 'subrip' },
        ],
        format: { duration: '5' },
      }),
    );
    expect(info.video?.variableFrameRate).toBe(true);
    expect(info.subtitles).toEqual([
      { index: 2, codec: 'hdmv_pgs_subtitle', language: 'eng', format: 'bitmap' },
      { index: 3, codec: 'subrip', language: null, format: 'text' },
    ]);
  });
  it('parses rates and rotations defensively', () => {
    expect(parseRate('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRate('0/0')).toBe(0);
    expect(parseRate(undefined)).toBe(0);
    expect(normaliseRotation(90, undefined)).toBe(270);
    expect(normaliseRotation(undefined, '-90')).toBe(270);
    expect(normaliseRotation(undefined, undefined)).toBe(0);
  });
});
