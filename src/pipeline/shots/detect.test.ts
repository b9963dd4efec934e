import { describe, expect, it } from 'vitest';
import { detectBoundaries } from './detect.js';
import { SignalBuilder, type ShotSignal } from './signal.js';
import {
  SIZE,
  dissolve,
  fadeThroughBlack,
  hold,
  renderFrame,
  type FrameSpec,
} from './synthetic.test-helpers.js';

function signalOf(frames: FrameSpec[]): ShotSignal {
  const b = new SignalBuilder(SIZE);
  for (const f of frames) b.push(renderFrame(f));
  return b.finish();
}

const summary = (frames: FrameSpec[]) =>
  detectBoundaries(signalOf(frames)).map((b) => ({
    kind: b.kind,
    start: b.startFrame,
    end: b.endFrame,
    at: b.shotStart,
  }));

describe('detectBoundaries on synthetic frames', () => {
  it('finds hard cuts on the exact frame', () => {
    const frames = [...hold(30, { scene: 1 }), ...hold(25, { scene: 2 }), ...hold(30, { scene: 3 })];
    expect(summary(frames)).toEqual([
      { kind: 'cut', start: 30, end: 30, at: 30 },
      { kind: 'cut', start: 55, end: 55, at: 55 },
    ]);
  });

  it('ignores a two-frame white flash and a single dark frame', () => {
    const frames = hold(60, { scene: 4 }, (i) =>
      i === 20 || i === 21 ? { white: 0.9 } : i === 40 ? { gain: 0.3 } : {},
    );
    expect(summary(frames)).toEqual([]);
  });

  it('ignores a fast pan, handheld shake and changing subtitles within one shot', () => {
    const pan = hold(40, { scene: 5 }, (i) => ({ dx: i * 3 }));
    const shake = hold(40, { scene: 6 }, (i) => ({
      dx: Math.round(3 * Math.sin(i * 2.1)),
      dy: Math.round(2 * Math.cos(i * 1.7)),
    }));
    const subs = hold(40, { scene: 7 }, (i) => ({ subtitle: 1 + Math.floor(i / 10) }));
    expect(summary(pan)).toEqual([]);
    expect(summary(shake)).toEqual([]);
    expect(summary(subs)).toEqual([]);
  });

  it('reports a dissolve with its span and splits the shots in its middle', () => {
    const frames = [...hold(30, { scene: 1 }), ...dissolve(20, 1, 8), ...hold(30, { scene: 8 })];
    const [b, ...rest] = summary(frames);
    expect(rest).toEqual([]);
    expect(b?.kind).toBe('dissolve');
    expect(Math.abs(b!.start - 30)).toBeLessThanOrEqual(2);
    expect(Math.abs(b!.end - 49)).toBeLessThanOrEqual(2);
    expect(b!.at).toBeGreaterThan(35);
    expect(b!.at).toBeLessThan(45);
  });

  it('reports a fade through black frame-exactly, the new shot starting after the blank', () => {
    const frames = [
      ...hold(30, { scene: 2 }),
      ...fadeThroughBlack(2, 9, 10, 5, 10),
      ...hold(30, { scene: 9 }),
    ];
    const [b, ...rest] = summary(frames);
    expect(rest).toEqual([]);
    expect(b).toMatchObject({ kind: 'fade', start: 30, end: 54 });
    // The darkest fade frames are blank too; the new shot starts when its picture appears.
    expect(b!.at).toBeGreaterThanOrEqual(45);
    expect(b!.at).toBeLessThanOrEqual(46);
  });

  it('does not report a fade in at the start or a fade out at the end', () => {
    const frames = [
      ...fadeThroughBlack(0, 3, 0, 5, 10),
      ...hold(40, { scene: 3 }),
      ...fadeThroughBlack(3, 0, 10, 5, 0),
    ];
    expect(summary(frames)).toEqual([]);
  });

  it('does not take a slow exposure drift or a slow pan for a dissolve', () => {
    expect(summary(hold(80, { scene: 4 }, (i) => ({ gain: 1 - i * 0.006 })))).toEqual([]);
    expect(summary(hold(80, { scene: 5 }, (i) => ({ dx: i, gain: 1 + i * 0.002 })))).toEqual([]);
  });

  it('reports one shot for a single take', () => {
    expect(summary(hold(90, { scene: 5 }, (i) => ({ dx: Math.floor(i / 3) })))).toEqual([]);
  });
});
