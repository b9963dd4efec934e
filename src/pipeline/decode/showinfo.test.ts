import { describe, expect, it } from 'vitest';
import { decodeArgs, decodePlan, fitSize } from './args.js';
import { parseShowinfoLine } from './showinfo.js';

describe('parseShowinfoLine', () => {
  it('reads frame number and presentation time', () => {
    const line =
      '[Parsed_showinfo_3 @ 0x558a538ffc00] n:  12 pts:  12512 pts_time:0.521333 pos: 48 fmt:yuv444p sar:1/1 s:54x128';
    expect(parseShowinfoLine(line)).toEqual({ n: 12, ptsTime: 0.521333 });
  });
  it('ignores config and colour lines', () => {
    expect(parseShowinfoLine('[Parsed_showinfo_3 @ 0x1] config in time_base: 1/24000')).toBeNull();
    expect(parseShowinfoLine('[Parsed_showinfo_3 @ 0x1] color_range:tv color_space:unknown')).toBeNull();
    expect(parseShowinfoLine('frame=  100 fps= 50')).toBeNull();
  });
});

describe('decode plan', () => {
  it('keeps aspect ratio with even sides in display orientation', () => {
    expect(fitSize(1080, 1920, 128)).toEqual({ width: 72, height: 128 });
    expect(fitSize(1280, 544, 128)).toEqual({ width: 128, height: 54 });
    expect(fitSize(100, 50, 640)).toEqual({ width: 100, height: 50 });
  });
  it('samples about three candidates per second and maps both outputs', () => {
    expect(decodePlan(1920, 1080, 30).candidateEvery).toBe(10);
    expect(decodePlan(1920, 1080, 0).candidateEvery).toBe(8);
    const args = decodeArgs('in.mp4', decodePlan(1920, 1080, 25));
    expect(args).toContain('pipe:1');
    expect(args).toContain('pipe:3');
    expect(args.filter((a) => a === 'passthrough')).toHaveLength(2);
  });
});
