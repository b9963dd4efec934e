import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFiles } from './output-files.js';

const base = mkdtempSync(join(tmpdir(), 'reelscript-outfiles-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function folder(name: string, files: string[]): string {
  const dir = join(base, name);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  return dir;
}

describe('outputFiles', () => {
  it('lists files sorted, reuses the walk, and sees a folder swapped in by rename', async () => {
    const out = folder('out', ['b.json', 'keyframes/1/0001.jpg', 'a.srt']);
    expect(await outputFiles(out)).toEqual(['a.srt', 'b.json', 'keyframes/1/0001.jpg']);
    expect(await outputFiles(out)).toEqual(['a.srt', 'b.json', 'keyframes/1/0001.jpg']);
    // A rename regenerates the outputs beside the folder and swaps it in (reexport.ts).
    const next = folder('out.next', ['a.srt', 'b.json', 'characters/C1.jpg']);
    renameSync(out, join(base, 'out.old'));
    renameSync(next, out);
    expect(await outputFiles(out)).toEqual(['a.srt', 'b.json', 'characters/C1.jpg']);
  });

  it('answers an empty list for a folder that does not exist', async () => {
    expect(await outputFiles(join(base, 'missing'))).toEqual([]);
  });
});
