/**
 * Debian pocketsphinx (English acoustic + language model from `pocketsphinx-en-us`), run as
 * `pocketsphinx_continuous -time yes` on a WAV file. Poor accuracy; a last resort and a real
 * recogniser for tests.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessError, runProcess } from '../../../process/spawn.js';
import { toWav } from '../audio.js';
import { AsrError, type AsrEngine, type AsrSegment } from './types.js';

const FILLERS = new Set(['<s>', '</s>', '<sil>', '[noise]', '[speech]', '<unk>']);

/** Pure: `-time yes` output (a word per line: word start end prob) → one segment per utterance. */
export function parsePocketsphinx(out: string): AsrSegment[] {
  const segs: AsrSegment[] = [];
  let words: Array<{ w: string; s: number; e: number; p: number }> = [];
  const flush = (): void => {
    const real = words.filter((x) => !FILLERS.has(x.w.toLowerCase()));
    if (real.length)
      segs.push({
        start: real[0]!.s,
        end: real[real.length - 1]!.e,
        text: real.map((x) => x.w.replace(/\(\d+\)$/, '')).join(' '),
        confidence: real.reduce((a, x) => a + x.p, 0) / real.length,
      });
    words = [];
  };
  for (const line of out.split('\n')) {
    const m = /^(\S+) (\d+\.\d+) (\d+\.\d+) (\d+\.\d+)$/.exec(line.trim());
    if (!m) continue;
    if (m[1] === '<s>') flush();
    words.push({ w: m[1]!, s: Number(m[2]), e: Number(m[3]), p: Math.min(1, Number(m[4])) });
    if (m[1] === '</s>') flush();
  }
  flush();
  return segs;
}

export function pocketsphinxArgs(wav: string, cfg: { hmm?: string; lm?: string; dict?: string }): string[] {
  const args = ['-infile', wav, '-time', 'yes', '-logfn', '/dev/null'];
  if (cfg.hmm) args.push('-hmm', cfg.hmm);
  if (cfg.lm) args.push('-lm', cfg.lm);
  if (cfg.dict) args.push('-dict', cfg.dict);
  return args;
}

export function pocketsphinxEngine(cfg: { hmm?: string; lm?: string; dict?: string }): AsrEngine {
  return {
    name: 'pocketsphinx:en-us',
    async transcribe(pcm, { language, signal }) {
      if (language && !['en', 'auto'].includes(language))
        throw new AsrError(`pocketsphinx has an English model only (asked for ${language})`, 'pocketsphinx');
      const dir = await mkdtemp(join(tmpdir(), 'reelscript-sphinx-'));
      try {
        const wav = join(dir, 'audio.wav');
        await writeFile(wav, toWav(pcm));
        const { stdout } = await runProcess('pocketsphinx_continuous', {
          args: pocketsphinxArgs(wav, cfg),
          signal,
          timeoutMs: 30 * 60_000,
        });
        return parsePocketsphinx(stdout);
      } catch (err) {
        if (err instanceof ProcessError && !err.aborted && err.exitCode === null)
          throw new AsrError(
            'pocketsphinx is not installed (apt-get install pocketsphinx pocketsphinx-en-us)',
            'pocketsphinx',
          );
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
