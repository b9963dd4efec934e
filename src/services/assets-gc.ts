/**
 * Keeps a streaming upload's memory flat: a pass-through stage that runs a young-generation
 * collection each time the process has received UPLOAD_GC_BYTES of upload bytes.
 *
 * Why a forced GC: Node's HTTP parser hands every body chunk to JS as a fresh ~64 KB buffer
 * (external memory). Once written to disk it is garbage, but V8 only scavenges young array
 * buffers when they reach 2 × its default max semi-space (32 MB, a constant that
 * --max-semi-space-size does not change). So any Node server streaming an upload to a file,
 * however well it honours backpressure, holds ~32 MB of dead chunks at its peak: measured with
 * `npm run bench:upload`, a bare node:http server piping the request to a file grows by ~35–40 MB
 * RSS for 100 MB and 500 MB alike, and so did our routes. A minor GC every 4 MB received caps that
 * at ~4 MB (peak RSS growth then ~10–13 MB) and costs ~0.5 ms per collection (about 35 ms per
 * 300 MB uploaded, under 1 % of the upload time). The counter is process-wide, so concurrent
 * uploads share the collections instead of multiplying them.
 */
import { Transform } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const UPLOAD_GC_BYTES = 4 * 1024 * 1024;

type Collect = () => void;

let minorGc: Collect | null | undefined;

/**
 * V8's `gc({type: 'minor'})`, or null when this runtime does not provide it. The flag makes new
 * contexts carry a `gc` function; only that private context sees it, the app's global does not.
 */
export function youngGenerationGc(): Collect | null {
  if (minorGc !== undefined) return minorGc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    minorGc =
      typeof gc === 'function' ? () => (gc as (o: { type: 'minor' }) => void)({ type: 'minor' }) : null;
  } catch {
    minorGc = null;
  }
  return minorGc;
}

/** Bytes received since the last collection, shared by every upload in this process. */
const processWide = { received: 0 };

/** A pass-through that calls `collect` each time `every` bytes have flowed through stages sharing `counter`. */
export function collectingPassThrough(
  opts: { collect?: Collect | null; every?: number; counter?: { received: number } } = {},
): Transform {
  const collect = opts.collect === undefined ? youngGenerationGc() : opts.collect;
  const every = opts.every ?? UPLOAD_GC_BYTES;
  const counter = opts.counter ?? processWide;
  return new Transform({
    transform(chunk: Buffer, _enc, next) {
      counter.received += chunk.length;
      if (collect && counter.received >= every) {
        counter.received = 0;
        collect();
      }
      next(null, chunk);
    },
  });
}
