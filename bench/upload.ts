/**
 * Upload memory benchmark (issue #2: "a 500 MB upload must not raise the server's memory by more
 * than a few MB"). Each measurement starts a fresh server process, warms it up with a 1 MB upload,
 * then streams one large upload while the server reports process.memoryUsage() every 20 ms over
 * IPC; the kernel's peak RSS (VmHWM, reset just before the upload) is the headline figure.
 * Targets, in the same run: `reelscript serve` through multipart POST /upload and through the
 * signed raw-body PUT, and the floor: a bare node:http server that pipes the request to a file.
 *   npm run bench:upload -- [sizes in MB, default 100,500]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { cliArgs, freePort, runCli, waitHttp } from '../test/helpers/cli.js';

const MB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
/** Preloaded into every measured server: memoryUsage() to the parent every 20 ms (timer unref'd). */
const SAMPLER = `data:text/javascript,${encodeURIComponent(
  'if (process.send) setInterval(() => process.send(process.memoryUsage()), 20).unref();',
)}`;

type Usage = NodeJS.MemoryUsage;
const FIELDS = ['rss', 'heapUsed', 'external', 'arrayBuffers'] as const;

interface Measured {
  target: string;
  mb: number;
  seconds: number;
  status: number;
  /** Kernel peak RSS during the upload minus RSS just before it. */
  peakRssGrowth: number;
  /** Peak of each sampled field during the upload minus its value just before. */
  peak: Record<(typeof FIELDS)[number], number>;
}

/** Child mode: the floor, a bare node:http server piping each request body to a file. */
async function bareServer(dir: string): Promise<void> {
  let n = 0;
  const server = createServer((req, res) => {
    pipeline(req, createWriteStream(join(dir, `bare-${n++}.bin`))).then(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  });
  await once(process, 'SIGTERM');
  server.close();
}

class Server {
  latest: Usage | null = null;
  private peaks: Usage | null = null;
  constructor(
    readonly child: ChildProcess,
    readonly origin: string,
  ) {
    child.on('message', (u: Usage) => {
      this.latest = u;
      if (this.peaks) for (const f of FIELDS) this.peaks[f] = Math.max(this.peaks[f], u[f]);
    });
  }
  /** A settled reading: the median rss of a few samples after a pause. */
  async settle(): Promise<Usage> {
    await new Promise((r) => setTimeout(r, 600));
    const seen: Usage[] = [];
    while (seen.length < 5) {
      const [u] = (await once(this.child, 'message')) as [Usage];
      seen.push(u);
    }
    return seen.sort((a, b) => a.rss - b.rss)[2] ?? seen[0]!;
  }
  startPeaks(from: Usage): void {
    this.peaks = { ...from };
  }
  stopPeaks(): Usage {
    const p = this.peaks!;
    this.peaks = null;
    return p;
  }
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await once(this.child, 'exit');
    }
  }
}

async function procKb(pid: number, key: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
}

async function startReelscript(data: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', SAMPLER, ...cliArgs(['serve', '--data', data, '--port', String(port), '--workers', '0'])],
    {
      env: {
        ...process.env,
        REELSCRIPT_LOG_LEVEL: 'silent',
        REELSCRIPT_MAX_UPLOAD_BYTES: String(4 * 1024 ** 3),
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitHttp(`${origin}/healthz`);
  return new Server(child, origin);
}

async function startBare(dir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', SAMPLER, '--import', TSX, SELF, '--bare', dir], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return new Server(child, `http://127.0.0.1:${line.toString().trim()}`);
}

type Upload = (s: Server, body: Blob) => Promise<number>;

/** The three ways a file reaches a server. */
function uploads(key: string): Record<string, { start: (dir: string) => Promise<Server>; send: Upload }> {
  const multipart: Upload = async (s, body) => {
    const form = new FormData();
    form.append('file', body, 'big.bin');
    const res = await fetch(`${s.origin}/serve/api/v2/upload`, {
      method: 'POST',
      headers: { Authorization: key },
      body: form,
    });
    await res.arrayBuffer();
    return res.status;
  };
  const signedPut: Upload = async (s, body) => {
    const signed = (await (
      await fetch(`${s.origin}/serve/api/v2/upload/signed-url`, {
        method: 'POST',
        headers: { Authorization: key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ original_filename: 'big.bin' }),
      })
    ).json()) as { data: { signed_url: string } };
    const res = await fetch(signed.data.signed_url, {
      method: 'PUT',
      body,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    await res.arrayBuffer();
    return res.status;
  };
  const rawPut: Upload = async (s, body) => {
    const res = await fetch(`${s.origin}/upload`, { method: 'PUT', body });
    await res.arrayBuffer();
    return res.status;
  };
  return {
    'bare node:http pipe (floor)': { start: startBare, send: rawPut },
    'reelscript multipart POST /upload': { start: startReelscript, send: multipart },
    'reelscript signed PUT (raw body)': { start: startReelscript, send: signedPut },
  };
}

async function measure(
  target: string,
  how: { start: (dir: string) => Promise<Server>; send: Upload },
  dir: string,
  file: Blob,
  mb: number,
): Promise<Measured> {
  const s = await how.start(dir);
  try {
    await how.send(s, new Blob([Buffer.alloc(MB, 7)]));
    const before = await s.settle();
    // Reset the kernel's peak-RSS counter so VmHWM covers this upload only.
    await writeFile(`/proc/${s.child.pid}/clear_refs`, '5');
    s.startPeaks(before);
    const t0 = performance.now();
    const status = await how.send(s, file.slice(0, mb * MB));
    const seconds = (performance.now() - t0) / 1000;
    const peaks = s.stopPeaks();
    const hwm = await procKb(s.child.pid!, 'VmHWM');
    return {
      target,
      mb,
      seconds,
      status,
      peakRssGrowth: Math.max(hwm, peaks.rss) - before.rss,
      peak: Object.fromEntries(FIELDS.map((f) => [f, peaks[f] - before[f]])) as Measured['peak'],
    };
  } finally {
    await s.stop();
  }
}

function table(rows: Measured[]): string {
  const fmt = (b: number): string => (b / MB).toFixed(1);
  const head = [
    'target',
    'MB',
    'MB/s',
    'status',
    'peak RSS +MB',
    'heapUsed +',
    'external +',
    'arrayBuffers +',
    'vs floor',
  ];
  const floor = new Map(rows.filter((r) => r.target.startsWith('bare')).map((r) => [r.mb, r.peakRssGrowth]));
  const cells = rows.map((r) => {
    const f = floor.get(r.mb);
    return [
      r.target,
      String(r.mb),
      (r.mb / r.seconds).toFixed(0),
      String(r.status),
      fmt(r.peakRssGrowth),
      fmt(r.peak.heapUsed),
      fmt(r.peak.external),
      fmt(r.peak.arrayBuffers),
      f === undefined || r.target.startsWith('bare')
        ? ''
        : `${r.peakRssGrowth - f >= 0 ? '+' : ''}${fmt(r.peakRssGrowth - f)}`,
    ];
  });
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: string[]): string =>
    c.map((v, i) => (i === 0 ? v.padEnd(w[i]!) : v.padStart(w[i]!))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '100,500').split(',').map(Number);
  const dir = join(tmpdir(), `reelscript-bench-upload-${process.pid}`);
  const data = join(dir, 'data');
  const file = join(dir, 'big.bin');
  try {
    await mkdir(dir, { recursive: true });
    const { key } = JSON.parse((await runCli(['keys', 'create', '--data', data])).stdout) as { key: string };
    const fh = await open(file, 'w');
    const chunk = Buffer.alloc(MB, 7);
    for (let i = 0; i < Math.max(...sizes); i++) await fh.write(chunk);
    await fh.close();
    const blob = await openAsBlob(file);
    const rows: Measured[] = [];
    for (const mb of sizes) {
      for (const [target, how] of Object.entries(uploads(key))) {
        const m = await measure(target, how, target.startsWith('bare') ? dir : data, blob, mb);
        rows.push(m);
        await rm(join(data, 'assets'), { recursive: true, force: true });
        await rm(join(dir, 'bare-0.bin'), { force: true });
        await rm(join(dir, 'bare-1.bin'), { force: true });
      }
    }
    console.log('bytes that are not media: the probe refuses them after they are stored (status 415)');
    console.log(table(rows));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--bare') await bareServer(process.argv[3] ?? tmpdir());
else await main();
