/** Generated clips with known transitions: the awkward cases users complain about, one per clip. */
import type { SegmentSpec, TransitionSpec } from '../../test/fixtures/transitions.js';

export interface GeneratedClip {
  name: string;
  fps?: number;
  width?: number;
  height?: number;
  segments: SegmentSpec[];
  transitions: TransitionSpec[];
}

export const GENERATED: GeneratedClip[] = [
  {
    name: 'gen-cuts',
    segments: [
      { seconds: 2, source: 'testsrc2' },
      { seconds: 1.5, source: 'mandelbrot' },
      { seconds: 2, source: 'bars' },
      { seconds: 0.6, source: 'sierpinski' },
      { seconds: 2, source: 'gradients' },
    ],
    transitions: [{ kind: 'cut' }, { kind: 'cut' }, { kind: 'cut' }, { kind: 'cut' }],
  },
  {
    name: 'gen-dissolves',
    segments: [
      { seconds: 3, source: 'bars' },
      { seconds: 3, source: 'mandelbrot' },
      { seconds: 3, source: 'testsrc2' },
    ],
    transitions: [
      { kind: 'dissolve', seconds: 1 },
      { kind: 'dissolve', seconds: 0.6 },
    ],
  },
  {
    name: 'gen-fades',
    segments: [
      { seconds: 3, source: 'testsrc2' },
      { seconds: 3, source: 'mandelbrot' },
      { seconds: 3, source: 'bars' },
    ],
    transitions: [
      { kind: 'fadeblack', seconds: 1 },
      { kind: 'fadewhite', seconds: 0.8 },
    ],
  },
  {
    name: 'gen-flash-motion',
    segments: [
      { seconds: 3, source: 'bars', flashes: [20, 50] },
      { seconds: 3, source: 'testsrc2', motion: 'fastpan' },
      { seconds: 3, source: 'mandelbrot', motion: 'shake', flashes: [30] },
      { seconds: 3, source: 'testsrc2', motion: 'zoom' },
    ],
    transitions: [{ kind: 'cut' }, { kind: 'cut' }, { kind: 'cut' }],
  },
  {
    name: 'gen-dark-subtitles',
    fps: 30,
    segments: [
      {
        seconds: 3,
        source: 'testsrc2',
        dark: true,
        subtitles: ['你好，我们走吧', '今天的会议改到下午三点钟', '好的'],
      },
      { seconds: 2, source: 'mandelbrot', dark: true, subtitles: ['我不知道'] },
      { seconds: 3, source: 'testsrc2', dark: true, motion: 'pan', subtitles: ['走吧', '快点'] },
    ],
    transitions: [{ kind: 'cut' }, { kind: 'cut' }],
  },
  {
    // Fast action cut to fast action: every shot changes completely within a third of a second,
    // so only the unrelatedness of the pictures across a cut separates it from the motion.
    name: 'gen-fast-montage',
    segments: [
      { seconds: 2, source: 'testsrc2', motion: 'fastpan' },
      { seconds: 1.5, source: 'bars', motion: 'fastpan' },
      { seconds: 2, source: 'mandelbrot', motion: 'fastpan' },
      { seconds: 1.5, source: 'sierpinski', motion: 'fastpan' },
    ],
    transitions: [{ kind: 'cut' }, { kind: 'cut' }, { kind: 'cut' }],
  },
  {
    name: 'gen-single-take',
    fps: 30,
    width: 180,
    height: 320,
    segments: [{ seconds: 6, source: 'testsrc2', motion: 'pan', subtitles: ['第一句', '第二句', '第三句'] }],
    transitions: [],
  },
];
