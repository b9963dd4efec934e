import { describe, expect, it } from 'vitest';
import {
  bitmapEventsArgs,
  bitmapFramesArgs,
  extractTextTrackArgs,
  fileSource,
  fit,
  scanArgs,
} from './args.js';

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
    expect(args[args.indexOf('-pix_fmt') + 1]).toBe('gray');
  });
  it('decodes the band in RGB for letters of a pure colour (red)', () => {
    const plan = {
      top: 0,
      height: 100,
      analysis: { width: 160, height: 50 },
      sampleEvery: 6,
      hiPattern: '/w/%06d.jpg',
    };
    const args = scanArgs(fileSource('/v.mp4', 640, 360, 10), { ...plan, channel: 0 });
    expect(args[args.indexOf('-filter_complex') + 1]).toContain(
      'scale=160:50:flags=area,format=rgb24,showinfo[lo]',
    );
    expect(args[args.indexOf('-pix_fmt') + 1]).toBe('rgb24');
  });
  it('draws every change of a bitmap track on a canvas of its authored size', () => {
    const args = bitmapFramesArgs('/p.mkv', 3, { width: 1920, height: 1080 }, '/w/%06d.png');
    expect(args.slice(args.indexOf('-canvas_size'), args.indexOf('-canvas_size') + 4)).toEqual([
      '-canvas_size',
      '1920x1080',
      '-i',
      '/p.mkv',
    ]);
    expect(args[args.indexOf('-filter_complex') + 1]).toBe('[0:3]showinfo[s]');
    expect(args.slice(-1)).toEqual(['/w/%06d.png']);
  });
  it('probes the decoded events of one subtitle stream', () => {
    const events = bitmapEventsArgs('/p.mkv', 3);
    expect(events.slice(0, 4)).toEqual(['-v', 'error', '-select_streams', '3']);
    expect(events).toContain('-show_frames');
    expect(events.slice(-3)).toEqual(['-of', 'json', '/p.mkv']);
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
