import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectingPassThrough, youngGenerationGc } from './assets-gc.js';

async function drain(chunks: Buffer[], stage: Transform): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), stage, async function* (src: AsyncIterable<Buffer>) {
    for await (const c of src) out.push(c);
  });
  return Buffer.concat(out);
}

describe('collectingPassThrough', () => {
  it('passes every byte through unchanged, in order', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(1000 + i, i));
    const out = await drain(chunks, collectingPassThrough({ collect: () => undefined, every: 4096 }));
    expect(out.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('collects once per `every` bytes counted across the streams sharing a counter', async () => {
    let calls = 0;
    const counter = { received: 0 };
    const opts = { collect: () => void calls++, every: 10_000, counter };
    await drain([Buffer.alloc(6000), Buffer.alloc(3000)], collectingPassThrough(opts));
    expect(calls).toBe(0);
    // 9 000 bytes carried over: the second upload's first chunk crosses the line.
    await drain([Buffer.alloc(2000), Buffer.alloc(9000), Buffer.alloc(500)], collectingPassThrough(opts));
    expect(calls).toBe(1);
    expect(counter.received).toBe(9500);
    await drain([Buffer.alloc(500)], collectingPassThrough(opts));
    expect(calls).toBe(2);
  });

  it('works without a collector (a runtime without gc)', async () => {
    const out = await drain([Buffer.alloc(5000, 1)], collectingPassThrough({ collect: null, every: 10 }));
    expect(out.length).toBe(5000);
  });
});

describe('youngGenerationGc', () => {
  it('frees dead young array buffers, which V8 would otherwise keep up to 32 MB of', async () => {
    const gc = youngGenerationGc();
    expect(gc).toBeTypeOf('function');
    expect('gc' in globalThis).toBe(false);
    gc!();
    await sleep(50);
    const before = process.memoryUsage().arrayBuffers;
    // 20 MB of dead 64 KB chunks, as an upload leaves behind: under the 32 MB V8 waits for.
    for (let i = 0; i < 320; i++) Buffer.alloc(64 * 1024, i).writeUInt8(1, 0);
    const dead = process.memoryUsage().arrayBuffers - before;
    expect(dead).toBeGreaterThan(15 * 1024 * 1024);
    gc!();
    // Array buffers are swept concurrently: wait for the accounting to catch up.
    let left = dead;
    for (let i = 0; i < 50 && left > 4 * 1024 * 1024; i++) {
      await sleep(20);
      left = process.memoryUsage().arrayBuffers - before;
    }
    expect(left).toBeLessThan(4 * 1024 * 1024);
  });
});
