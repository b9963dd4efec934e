import { afterAll, describe, expect, it } from 'vitest';
import { freshSchema, type PgScratch } from '../../../test/helpers/pg.js';
import { createPool } from './pool.js';

const scratch: PgScratch[] = [];
afterAll(async () => {
  for (const s of scratch) await s.drop();
});

describe('createPool', () => {
  it('gives every client an error listener, so an error between a checkout and its use cannot crash', async () => {
    const s = await freshSchema();
    scratch.push(s);
    const pool = createPool(s.url);
    const client = await pool.connect();
    // With no listener, EventEmitter throws an 'error' event: the process would die here.
    expect(() =>
      client.emit('error', new Error('terminating connection due to administrator command')),
    ).not.toThrow();
    client.release(true);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    await pool.end();
  });
});
