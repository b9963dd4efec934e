import { describe, expect, it } from 'vitest';
import {
  analysisSize,
  chunkTargets,
  frameArgs,
  nearestTarget,
  parseShowinfoTime,
  seekFor,
  selectFilter,
} from './frames-args.js';

describe('face frame decoding arguments', () => {
  it('scales the long side down to the analysis size, never up, keeping even dimensions', () => {
    expect(analysisSize(1920, 1080)).toEqual({ width: 960, height: 540 });
    expect(analysisSize(1080, 1920)).toEqual({ width: 540, height: 960 });
    expect(analysisSize(320, 181)).toEqual({ width: 320, height: 182 });
  });
  it('selects a short window at each target shifted by the start time', () => {
    const f = selectFilter([1, 2.5], 25, 0.5, { width: 320, height: 180 });
    expect(f).toContain('between(t,1.5000,1.5600)');
    expect(f).toContain('between(t,3.0000,3.0600)');
    expect(f).toMatch(/scale=320:180.*showinfo$/);
    expect(selectFilter([], 25, 0, { width: 2, height: 2 })).toContain("select='0'");
  });
  it('splits long target lists into sorted runs with a seek before each', () => {
    const targets = Array.from({ length: 100 }, (_, i) => 300 - i * 3);
    const runs = chunkTargets(targets, 48);
    expect(runs.map((r) => r.length)).toEqual([48, 48, 4]);
    expect(runs[0]![0]).toBe(3);
    expect(seekFor(runs[1]!, 0.5)).toBeCloseTo(runs[1]![0]! - 0.5);
    expect(seekFor([0.2], 0)).toBe(0);
    expect(frameArgs('/in.mp4', '/f', 12.5).slice(4, 7)).toEqual(['-ss', '12.500', '-copyts']);
  });
  it('ends the stream after the last target', () => {
    expect(selectFilter([1, 2], 25, 0, { width: 2, height: 2 })).toMatch(/^trim=end=2\.5600,select=/);
  });
  it('reads frames as raw RGB through a filter script', () => {
    const a = frameArgs('/in.mp4', '/w/f.txt');
    expect(a).toContain('-filter_script:v');
    expect(a.at(-1)).toBe('pipe:1');
  });
  it('parses showinfo timestamps and ignores other lines', () => {
    expect(
      parseShowinfoTime('[Parsed_showinfo_3 @ 0x55] n:   0 pts:  12800 pts_time:1.00000 duration:512'),
    ).toBe(1);
    expect(parseShowinfoTime('frame=  10 fps=0.0 q=-0.0 size=N/A')).toBeNull();
  });
  it('pairs a frame time with its target', () => {
    expect(nearestTarget([1, 2, 3], 2.04, 0.06)).toBe(2);
    expect(nearestTarget([1, 2, 3], 2.5, 0.06)).toBeNull();
  });
});
