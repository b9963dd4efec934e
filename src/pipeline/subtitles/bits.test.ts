import { describe, expect, it } from 'vitest';
import { bounds, containment, count, countAnd, countXor, majority, popcount32, similarity } from './bits.js';

describe('bitsets', () => {
  it('counts bits', () => {
    expect(popcount32(0xffffffff)).toBe(32);
    expect(count(Uint32Array.of(0b1011, 1 << 31))).toBe(4);
    expect(countAnd(Uint32Array.of(0b1100), Uint32Array.of(0b0110))).toBe(1);
    expect(countXor(Uint32Array.of(0b1100, 1), Uint32Array.of(0b0110, 0))).toBe(3);
  });
  it('compares masks', () => {
    const a = Uint32Array.of(0b1111);
    const b = Uint32Array.of(0b0011);
    expect(similarity(a, b)).toBe(0.5);
    expect(containment(b, a)).toBe(1);
    expect(similarity(new Uint32Array(1), new Uint32Array(1))).toBe(1);
  });
  it('votes and bounds', () => {
    const m = majority([Uint32Array.of(0b111), Uint32Array.of(0b110), Uint32Array.of(0b100)], 32, 0.6);
    expect(m[0]).toBe(0b110);
    // 4-wide grid: bits 5 and 10 are (1,1) and (2,2).
    expect(bounds(Uint32Array.of((1 << 5) | (1 << 10)), 4, 4)).toEqual([1, 1, 3, 3]);
    expect(bounds(new Uint32Array(1), 4, 4)).toBeNull();
  });
});
