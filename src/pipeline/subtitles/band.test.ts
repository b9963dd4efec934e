import { describe, expect, it } from 'vitest';
import { findBand, type Sample } from './band.js';
import type { OcrLine } from './types.js';

const line = (text: string, x0: number, y0: number, x1: number, y1: number): OcrLine => ({
  text,
  mean: 0.95,
  box: [x0, y0, x1, y1],
});
const EN = [
  'Take care of the rest',
  'I will go in and help',
  'The meeting moved',
  'Any favourites here?',
  'Still popular today',
  'Parodied everywhere',
];
const SUBS = [
  '你们接着善后',
  '我进去帮他',
  '今天的会议改到下午',
  '这些片段中有你喜欢的么',
  '到现在依然经久不息',
  '被各种段子模仿',
];

describe('findBand', () => {
  it('finds the bottom subtitle band and reports a corner logo as persistent', () => {
    const samples: Sample[] = SUBS.map((t, i) => ({
      width: 960,
      height: 540,
      lines: [
        line('好看视频', 820, 20, 940, 50),
        line(t, 480 - t.length * 15, 460 + (i % 2), 480 + t.length * 15, 495),
      ],
    }));
    const r = findBand(samples);
    expect(r.persistent.map((p) => p.text)).toEqual(['好看视频']);
    expect(r.band).not.toBeNull();
    expect(r.band!.top).toBeLessThan(460 / 540);
    expect(r.band!.bottom).toBeGreaterThan(495 / 540);
    expect(r.band!.top).toBeGreaterThan(0.6);
    expect(r.lineHeight).toBeCloseTo(36 / 540, 2);
  });

  it('keeps both lines of bilingual subtitles in one band', () => {
    const samples: Sample[] = SUBS.map((t, i) => ({
      width: 960,
      height: 540,
      lines: [line(t, 300, 420, 660, 452), line(EN[i]!, 320, 458, 640, 482)],
    }));
    const r = findBand(samples);
    expect(r.band!.top * 540).toBeLessThan(420);
    expect(r.band!.bottom * 540).toBeGreaterThan(482);
  });

  it('prefers subtitles on the frame axis to more varied text in the picture', () => {
    // A computer screen in the film: its text changes more often than the subtitles do, but
    // sits off the axis (centre at 0.62 of the width), above the middle.
    const screen = ['Send Spike', 'Initiate Search', 'Enter Password', 'Access Denied', 'Forum', 'Retry'];
    const samples: Sample[] = screen.map((t, i) => ({
      width: 960,
      height: 540,
      lines: [
        line(t, 595 - t.length * 9, 200, 595 + t.length * 9, 230),
        line(SUBS[i >> 1]!, 480 - SUBS[i >> 1]!.length * 15, 440, 480 + SUBS[i >> 1]!.length * 15, 475),
      ],
    }));
    const r = findBand(samples);
    expect(r.band!.top * 540).toBeGreaterThan(300);
    expect(r.band!.bottom * 540).toBeGreaterThan(475);
  });

  it('returns no band when nothing but a watermark is on screen', () => {
    const samples: Sample[] = Array.from({ length: 8 }, () => ({
      width: 960,
      height: 540,
      lines: [line('微信公众号', 20, 500, 200, 530)],
    }));
    const r = findBand(samples);
    expect(r.band).toBeNull();
    expect(r.persistent).toHaveLength(1);
  });
});
