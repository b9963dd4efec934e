import { describe, expect, it } from 'vitest';
import { FrameSplitter } from './frames.js';

describe('FrameSplitter', () => {
  it('reassembles frames split across chunks of any size', () => {
    const bytes = Buffer.from(Array.from({ length: 35 }, (_, i) => i));
    for (const step of [1, 3, 7, 10, 35]) {
      const splitter = new FrameSplitter(10);
      const frames: number[][] = [];
      for (let i = 0; i < bytes.length; i += step) {
        for (const f of splitter.push(bytes.subarray(i, i + step))) frames.push([...f]);
      }
      expect(frames).toHaveLength(3);
      expect(frames[2]).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
      expect(splitter.leftover).toBe(5);
    }
  });
});
