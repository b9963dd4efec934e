import { describe, expect, it } from 'vitest';
import {
  displayIntervals,
  mergeRepeats,
  parseBitmapProbe,
  pickFrame,
  type BitmapEvent,
} from './bitmap-timing.js';

const ev = (pts: number, rects: number, endOffset: number | null = null, duration = 0): BitmapEvent => ({
  pts,
  startOffset: 0,
  endOffset,
  rects,
  duration,
});

describe('bitmap subtitle timing', () => {
  it('reads ffprobe events: open PGS ends, VobSub ends, packet durations, the canvas', () => {
    const json = JSON.stringify({
      packets_and_frames: [
        { type: 'packet', pts_time: '12.417000', duration_time: '1.291000' },
        {
          type: 'subtitle',
          pts_time: '12.417000',
          start_display_time: 0,
          end_display_time: 4294967295,
          num_rects: 1,
        },
        { type: 'packet', pts_time: '13.708000', duration_time: '0.021000' },
        {
          type: 'subtitle',
          pts_time: '13.708000',
          start_display_time: 0,
          end_display_time: 4294967295,
          num_rects: 0,
        },
        { type: 'packet', pts_time: '20.003000', duration_time: '5.996000' },
        {
          type: 'subtitle',
          pts_time: '20.003000',
          start_display_time: 40,
          end_display_time: 5996,
          num_rects: 2,
        },
      ],
      streams: [{ width: 1920, height: 1080 }],
    });
    const { events, canvas } = parseBitmapProbe(json);
    expect(canvas).toEqual({ width: 1920, height: 1080 });
    expect(events).toEqual([
      { pts: 12.417, startOffset: 0, endOffset: null, rects: 1, duration: 1.291 },
      { pts: 13.708, startOffset: 0, endOffset: null, rects: 0, duration: 0.021 },
      { pts: 20.003, startOffset: 0.04, endOffset: 5.996, rects: 2, duration: 5.996 },
    ]);
    expect(parseBitmapProbe('{"packets_and_frames":[],"streams":[{}]}')).toEqual({
      events: [],
      canvas: null,
    });
  });

  it('ends a PGS cue at the clear display set that follows it', () => {
    expect(displayIntervals([ev(12.417, 1), ev(13.708, 0), ev(20.125, 1), ev(21.417, 0)], 63)).toEqual([
      { start: 12.417, end: 13.708, at: 12.417 },
      { start: 20.125, end: 21.417, at: 20.125 },
    ]);
  });

  it('ends a cue when the next picture replaces it, and ignores clears with nothing shown', () => {
    expect(displayIntervals([ev(1, 0), ev(2, 1), ev(3, 1), ev(4, 0), ev(5, 0)], 10)).toEqual([
      { start: 2, end: 3, at: 2 },
      { start: 3, end: 4, at: 3 },
    ]);
  });

  it("keeps a VobSub cue's own end instead of holding it until the next cue", () => {
    expect(displayIntervals([ev(42.042, 1, 1.024), ev(43.076, 1, 1.001), ev(50, 1, 1)], 60)).toEqual([
      { start: 42.042, end: 43.066, at: 42.042 },
      { start: 43.076, end: 44.077, at: 43.076 },
      { start: 50, end: 51, at: 50 },
    ]);
    // ... but a later cue that starts before that end still replaces it.
    expect(displayIntervals([ev(1, 1, 5), ev(2, 1, 1)], 10).map((i) => i.end)).toEqual([2, 3]);
  });

  it('ends an open last cue with its packet duration, else at the end of the stream', () => {
    expect(displayIntervals([ev(57.667, 1, null, 2.6)], 62.17)).toEqual([
      { start: 57.667, end: 60.267, at: 57.667 },
    ]);
    expect(displayIntervals([ev(57.667, 1)], 62.17)).toEqual([{ start: 57.667, end: 62.17, at: 57.667 }]);
  });

  it('offsets the display start by start_display_time', () => {
    const e = { pts: 10, startOffset: 0.5, endOffset: 2, rects: 1, duration: 0 };
    expect(displayIntervals([e], 20)).toEqual([{ start: 10.5, end: 12, at: 10.5 }]);
  });

  it('picks the rendered frame of a change: the last at its time, else the next one', () => {
    // sub2video draws the old picture 1 ms before a change and the new one at it.
    const times = [12.416, 12.417, 13.707, 13.708, 20.124, 20.125];
    expect(pickFrame(times, 12.417)).toBe(1);
    expect(pickFrame(times, 20.125)).toBe(5);
    expect(pickFrame(times, 15)).toBe(4);
    expect(pickFrame(times, 30)).toBe(-1);
  });

  it('merges a subtitle shown again right away, not the same text after a pause', () => {
    const cues = [
      { start: 0, end: 1, key: 'squawk' },
      { start: 1.02, end: 2, key: 'squawk' },
      { start: 8, end: 9, key: 'squawk' },
      { start: 9.02, end: 10, key: 'letmego' },
    ];
    expect(mergeRepeats(cues, 0.1)).toEqual([
      { start: 0, end: 2, key: 'squawk' },
      { start: 8, end: 9, key: 'squawk' },
      { start: 9.02, end: 10, key: 'letmego' },
    ]);
  });
});
