/**
 * Upload memory benchmark: starts `reelscript serve` in its own process, streams a large file
 * (default 500 MB) to POST /upload and to a signed PUT URL, and prints the server's resident
 * memory before, its peak during (VmHWM), and the growth. Target: a few MB, whatever the size.
 *   npm run bench:upload -- [megabytes]
 */
import { spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliArgs, freePort, runCli, waitHttp } from '../test/helpers/cli.js';

const mb = Number(process.argv[2] ?? 500);
const dir = join(tmpdir(), `reelscript-bench-upload-${process.pid}`);
const file = join(dir, 'big.bin');

async function memKb(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const get = (k: string): number => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: get('VmRSS'), hwm: get('VmHWM') };
}

async function main(): Promise<void> {
  const data = join(dir, 'data');
  const created = await runCli(['keys', 'create', '--data', data]);
  const { key } = JSON.parse(created.stdout) as { key: string };
  const fh = await open(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 7);
  for (let i = 0; i < mb; i++) await fh.write(chunk);
  await fh.close();
  const port = await freePort();
  const server = spawn(
    process.execPath,
    cliArgs(['serve', '--data', data, '--port', String(port), '--workers', '0']),
    {
      env: {
        ...process.env,
        REELSCRIPT_LOG_LEVEL: 'silent',
        REELSCRIPT_MAX_UPLOAD_BYTES: String(4 * 1024 ** 3),
      },
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}/serve/api/v2`;
  try {
    await waitHttp(`${base}/healthz`);
    // Warm up both upload paths with a small file so first-use costs (JIT, module loads) are excluded.
    const warm = new FormData();
    warm.append('file', new Blob([Buffer.alloc(1024 * 1024, 7)]), 'warm.bin');
    await fetch(`${base}/upload`, { method: 'POST', headers: { Authorization: key }, body: warm });
    const before = await memKb(server.pid!);
    const t0 = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(file), 'big.bin');
    const r1 = await fetch(`${base}/upload`, { method: 'POST', headers: { Authorization: key }, body: form });
    const t1 = performance.now();
    const afterMultipart = await memKb(server.pid!);
    const signed = (await (
      await fetch(`${base}/upload/signed-url`, {
        method: 'POST',
        headers: { Authorization: key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ original_filename: 'big.bin' }),
      })
    ).json()) as { data: { signed_url: string } };
    const r2 = await fetch(signed.data.signed_url, {
      method: 'PUT',
      body: await openAsBlob(file),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    const t2 = performance.now();
    const after = await memKb(server.pid!);
    const fmt = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;
    console.log(
      `file: ${mb} MB (bytes that are not media: the probe refuses them after they are stored, status ${r1.status}/${r2.status})`,
    );
    console.log(
      `multipart upload: ${((mb / (t1 - t0)) * 1000).toFixed(0)} MB/s; signed PUT: ${((mb / (t2 - t1)) * 1000).toFixed(0)} MB/s`,
    );
    console.log(
      `server RSS after warm-up: ${fmt(before.rss)}; peak during multipart: ${fmt(afterMultipart.hwm)}; peak after both: ${fmt(after.hwm)}`,
    );
    console.log(
      `peak growth over the warmed-up server: ${fmt(after.hwm - before.rss)} for ${mb} MB uploaded twice (ratio ${((after.hwm - before.rss) / 1024 / mb).toFixed(4)} MB per MB)`,
    );
  } finally {
    server.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
