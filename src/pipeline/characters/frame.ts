/** Runs a process through the shared spawn helper and collects stdout as bytes (for one image). */
import { startProcess } from '../../process/spawn.js';

export async function runProcessBuffer(
  command: string,
  args: string[],
  signal?: AbortSignal,
): Promise<Buffer> {
  const proc = startProcess(command, { args, signal, timeoutMs: 60_000 });
  proc.stdin.end();
  const chunks: Buffer[] = [];
  proc.stdout.on('data', (c: Buffer) => chunks.push(c));
  await proc.done;
  const out = Buffer.concat(chunks);
  if (out.length === 0) throw new Error(`${command} produced no image`);
  return out;
}
