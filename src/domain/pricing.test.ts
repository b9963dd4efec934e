import { describe, expect, it } from 'vitest';
import { downloadCostMicro, episodeCostMicro, taskCostMicro } from './pricing.js';

describe('pricing', () => {
  it('rounds each episode up to whole minutes', () => {
    expect(episodeCostMicro(59.9)).toBe(1_000_000);
    expect(episodeCostMicro(60)).toBe(1_000_000);
    expect(episodeCostMicro(60.04)).toBe(2_000_000);
    expect(episodeCostMicro(0.5)).toBe(1_000_000);
  });
  it('sums per-episode ceilings, not the total', () => {
    expect(taskCostMicro([30, 30, 30])).toBe(3_000_000);
  });
  it('prices downloads per GB of original sizes', () => {
    expect(downloadCostMicro(1e9)).toBe(120_000);
    expect(downloadCostMicro(1)).toBe(1);
    expect(downloadCostMicro(0)).toBe(0);
  });
});
