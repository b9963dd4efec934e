/** Fails fast with a clear message when the external tools the tests drive are missing. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export default function setup(): void {
  for (const tool of ['ffmpeg', 'ffprobe']) {
    try {
      execFileSync(tool, ['-version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is not installed: run scripts/install-system-deps.sh (Debian package ffmpeg)`);
    }
  }
  mkdirSync('test-output', { recursive: true });
}
