import { describe, expect, it } from 'vitest';
import { bitmapSource, extractTextTrackArgs, fileSource, fit, scanArgs } from './args.js';

describe('ffmpeg argument builders', () => {
  it('fits sizes keeping both sides even', () => {
    expect(fit(1920, 800, 960)).toEqual({ width: 960, height: 400 });
    expect(fit(320, 180, 960)).toEqual({ width: 320, height: 180 });
  });
  it('scans a band: gray frames to stdout with showinfo, sparse JPEG crops', () => {
    const args = scanArgs(fileSource('/v.mp4', 1080, 1920, 60), {
      top: 1400,
      height: 300,
      analysis: { width: 288, height: 80 },
      sampleEvery: 6,
      hiPattern: '/w/%06d.jpg',
    });
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('crop=1080:300:0:1400');
    expect(graph).toContain('scale=288:80:flags=area,format=gray,showinfo[lo]');
    expect(graph).toContain("select='not(mod(n\\,6))'");
    expect(args.slice(-1)).toEqual(['/w/%06d.jpg']);
    expect(args).toContain('pipe:1');
  });
  it('draws a bitmap track on a black canvas of the picture size', () => {
    const src = bitmapSource('/p.mkv', 3, 1440, 1074, 63.5);
    expect(src.inputs).toContain('color=c=black:s=1440x1074:r=25:d=63.500');
    expect(src.chain).toBe('[0:v][1:3]overlay=eof_action=pass:format=auto[src]');
  });
  it('extracts a text track as SRT on stdout', () => {
    expect(extractTextTrackArgs('/a.mkv', 2)).toEqual([
      '-v',
      'error',
      '-nostdin',
      '-i',
      '/a.mkv',
      '-map',
      '0:2',
      '-f',
      'srt',
      'pipe:1',
    ]);
  });
});
