import { describe, expect, it } from 'vitest';
import { clock, nominalFps, srtTime, timecode, timecodeRange, vttTime } from './timecode.js';

describe('timecode', () => {
  it('numbers frames within the second at the nominal rate', () => {
    expect(timecode(0, 30)).toBe('00:00:00:00');
    expect(timecode(3.267, 30)).toBe('00:00:03:08');
    expect(timecode(0.1, 30)).toBe('00:00:00:03');
    expect(timecode(3725.5, 25)).toBe('01:02:05:12');
  });

  it('rounds a fractional rate and never prints a frame past the last of the second', () => {
    expect(nominalFps(29.97)).toBe(30);
    expect(timecode(1.9999, 29.97)).toBe('00:00:02:00');
    expect(timecode(1.999, 23.976)).toBe('00:00:01:23');
    expect(nominalFps(0)).toBe(1);
    expect(timecode(12.5, Number.NaN)).toBe('00:00:12:00');
  });

  it('formats ranges and subtitle times', () => {
    expect(timecodeRange(0, 3.267, 30)).toBe('00:00:00:00–00:00:03:08');
    expect(srtTime(3725.0425)).toBe('01:02:05,043');
    expect(vttTime(2)).toBe('00:00:02.000');
    expect(srtTime(-1)).toBe('00:00:00,000');
  });

  it('prints short clock durations', () => {
    expect(clock(81.2)).toBe('1:21');
    expect(clock(3725)).toBe('1:02:05');
  });
});
