/**
 * A loopback OpenAI-compatible `/v1/audio/transcriptions` endpoint that behaves like a remote
 * cloud ASR as seen from a worker: every request is answered after a fixed delay, costing the
 * worker no CPU. It does not recognise words; its "transcript" names the audio it received
 * (`audio <sha256 prefix>`), so a test can count the requests each episode's audio caused.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowAsr {
  /** Base URL to configure as REELSCRIPT_ASR_URL. */
  url: string;
  /** Requests answered (or still waiting) per audio digest (12 hex chars). */
  readonly counts: Map<string, number>;
  /** Requests whose client went away before the answer (a cancelled or killed worker). */
  readonly abandoned: number;
  /** Requests waiting for their answer now. */
  readonly inFlight: number;
  close(): Promise<void>;
}

/** The part of a multipart body named `name` (binary-safe). */
function multipartField(body: Buffer, contentType: string, name: string): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return null;
  const marker = Buffer.from(`--${b}`);
  for (let at = body.indexOf(marker); at >= 0;) {
    const next = body.indexOf(marker, at + marker.length);
    if (next < 0) break;
    const part = body.subarray(at + marker.length, next);
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd >= 0 && part.subarray(0, headEnd).toString('latin1').includes(`name="${name}"`))
      return part.subarray(headEnd + 4, part.length - 2); // drop the CRLF before the next marker
    at = next;
  }
  return null;
}

/** Start the endpoint; every answer waits `delayMs`. */
export function startSlowAsr(delayMs: number): Promise<SlowAsr> {
  const counts = new Map<string, number>();
  let abandoned = 0;
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/audio/transcriptions'))
        return res.writeHead(404).end();
      const wav = multipartField(Buffer.concat(chunks), req.headers['content-type'] ?? '', 'file');
      if (!wav || wav.length <= 44) return res.writeHead(400).end('{"error":"no audio file"}');
      const digest = createHash('sha256').update(wav).digest('hex').slice(0, 12);
      counts.set(digest, (counts.get(digest) ?? 0) + 1);
      // 16 kHz mono 16-bit PCM after a 44-byte header (what the worker sends).
      const seconds = (wav.length - 44) / 32_000;
      inFlight += 1;
      const timer = setTimeout(() => {
        inFlight -= 1;
        const text = `audio ${digest}`;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ text, segments: [{ start: 0, end: seconds, text }] }));
      }, delayMs);
      res.on('close', () => {
        if (res.writableFinished) return;
        clearTimeout(timer);
        inFlight -= 1;
        abandoned += 1;
      });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        counts,
        get abandoned() {
          return abandoned;
        },
        get inFlight() {
          return inFlight;
        },
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}
