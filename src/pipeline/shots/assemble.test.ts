import { describe, expect, it } from 'vitest';
import { assembleShots } from './assemble.js';

const pts = (n: number, step = 0.04, start = 0) =>
  Float64Array.from({ length: n }, (_, i) => start + i * step);

describe('assembleShots', () => {
  it('one shot when there is no boundary', () => {
    const shots = assembleShots([], pts(50));
    expect(shots).toEqual([
      {
        index: 1,
        start: 0,
        end: 2,
        start_frame: 0,
        end_frame: 49,
        transition_in: { kind: 'start', start: 0, end: 0 },
        avoid: [],
      },
    ]);
  });
  it('uses presentation times, not frame × rate (variable frame rate)', () => {
    const vfr = Float64Array.from([0, 0.04, 0.08, 0.2, 0.24, 0.5, 0.54]);
    const shots = assembleShots([{ kind: 'cut', startFrame: 3, endFrame: 3, shotStart: 3 }], vfr);
    expect(shots[1]).toMatchObject({
      start: 0.2,
      start_frame: 3,
      end_frame: 6,
      transition_in: { kind: 'cut', start: 0.2, end: 0.2 },
    });
    expect(shots[0]!.end).toBe(0.2);
  });
  it('splits a dissolve at its middle and reports its frame span as times', () => {
    const shots = assembleShots([{ kind: 'dissolve', startFrame: 20, endFrame: 29, shotStart: 25 }], pts(60));
    expect(shots[0]).toMatchObject({ end_frame: 24, avoid: [[20, 29]] });
    expect(shots[1]).toMatchObject({
      start_frame: 25,
      start: 1,
      transition_in: { kind: 'dissolve', start: 0.8, end: 1.2 },
      avoid: [[20, 29]],
    });
  });
});
