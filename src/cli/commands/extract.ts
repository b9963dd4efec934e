/**
 * `reelscript extract FILE… --out DIR`: the whole pipeline locally, no server. Episode keys are
 * 1..n in argument order; DIR receives exactly the files a task's zip holds.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { asrEngineOf } from '../../config/asr.js';
import { loadConfig } from '../../config/index.js';
import { DEFAULT_TASK_CONFIG, isSupportedLanguage, type TaskConfig } from '../../domain/task-config.js';
import { ProbeError, probeMedia } from '../../pipeline/probe/run.js';
import { runEpisode, type EpisodeResult } from '../../pipeline/run-episode.js';
import { runSeries } from '../../pipeline/run-series.js';
import { killAllChildren } from '../../process/spawn.js';
import { packageVersion } from '../../version.js';
import { ProgressView } from '../progress.js';

interface ExtractOpts {
  out: string;
  language: string;
  subtitles?: boolean;
  speech?: boolean;
  faces: boolean;
  xlsx?: boolean;
  mergeXlsx?: boolean;
  json: boolean;
  cast: string[];
  concurrency: string;
  keepWork?: boolean;
}

/** Refuse to replace a folder that holds anything but an earlier reelscript result. */
async function checkOutDir(out: string): Promise<void> {
  const entries = await readdir(out).catch(() => null);
  if (entries === null || entries.length === 0) return;
  if (!entries.includes('manifest.json'))
    throw new Error(
      `--out ${out} is not empty and holds no earlier reelscript result; choose an empty folder`,
    );
}

export function taskConfigFromFlags(o: ExtractOpts): TaskConfig {
  if (!isSupportedLanguage(o.language))
    throw new Error(`unsupported language ${o.language} (use e.g. zh-CN or en)`);
  const cast = o.cast.map((c) => {
    const i = c.indexOf('=');
    if (i <= 0 || i === c.length - 1) throw new Error(`--cast expects NAME=PHOTO, got ${c}`);
    return { name: c.slice(0, i), images: [resolve(c.slice(i + 1))] };
  });
  const config: TaskConfig = {
    ...DEFAULT_TASK_CONFIG,
    language: o.language,
    use_subtitle: o.speech ? false : true,
    use_face_recognition: o.faces,
    require_json: o.json,
    require_xlsx: o.xlsx ?? false,
    require_merge_xlsx: o.mergeXlsx ?? false,
    characters: cast,
  };
  if (!config.require_json && !config.require_xlsx && !config.require_merge_xlsx)
    throw new Error('nothing to write: --no-json needs --xlsx or --merge-xlsx');
  return config;
}

export function extractCommand(): Command {
  return new Command('extract')
    .description('Run the pipeline locally on episode files (keys 1..n in argument order)')
    .argument('<files...>', 'episode video files, in episode order')
    .requiredOption('--out <dir>', 'output folder (receives the same files as a task zip)')
    .option('--language <code>', 'task language, e.g. zh-CN or en', DEFAULT_TASK_CONFIG.language)
    .addOption(new Option('--subtitles', 'dialogue from subtitles (default)').conflicts('speech'))
    .option('--speech', 'dialogue from speech recognition when an engine is configured')
    .option('--no-faces', 'skip face recognition')
    .option('--xlsx', 'write E.xlsx storyboards')
    .option('--merge-xlsx', 'write merged.xlsx')
    .option('--no-json', 'do not write the JSON documents')
    .option(
      '--cast <name=photo>',
      'reference photo for a character (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--concurrency <n>', 'episodes processed at once', '1')
    .option('--keep-work', 'keep the intermediate work folder')
    .action(async (files: string[], o: ExtractOpts) => {
      const config = taskConfigFromFlags(o);
      const asr = asrEngineOf(loadConfig());
      const out = resolve(o.out);
      await checkOutDir(out);
      const concurrency = Math.max(1, Math.min(8, Number(o.concurrency) || 1));
      for (const f of files) {
        const st = await stat(f).catch(() => null);
        if (!st?.isFile()) throw new Error(`${f}: no such file`);
        if (st.size === 0) throw new Error(`${f}: the file is empty`);
        const info = await probeMedia(f).catch((e: unknown) => {
          throw new Error(`${f}: ${e instanceof ProbeError ? e.message : String(e)}`);
        });
        if (info.kind !== 'video') throw new Error(`${f}: not a video (${info.kind})`);
      }
      const controller = new AbortController();
      const onSig = (): void => {
        controller.abort();
        killAllChildren();
      };
      process.once('SIGINT', onSig);
      process.once('SIGTERM', onSig);
      const work = await mkdtemp(join(tmpdir(), 'reelscript-extract-'));
      const view = new ProgressView(process.stderr, Boolean(process.stderr.isTTY));
      const results: Array<{ result: EpisodeResult; source: string; file: string }> = [];
      try {
        let next = 0;
        const runNext = async (): Promise<void> => {
          while (next < files.length) {
            const i = next++;
            const episode = String(i + 1);
            const file = resolve(files[i]!);
            view.update(episode, 'probe', 0);
            const result = await runEpisode({
              episode,
              file,
              workDir: join(work, episode),
              config,
              asr,
              signal: controller.signal,
              onProgress: (stage, f) => view.update(episode, stage, f * 0.95),
            });
            view.update(episode, 'done', 0.95, 'waiting for series');
            results.push({ result, source: files[i]!, file });
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, runNext));
        const written = await runSeries({
          taskId: null,
          config,
          episodes: results.sort((x, y) => Number(x.result.episode) - Number(y.result.episode)),
          cast: config.characters,
          outDir: out,
          signal: controller.signal,
          warnings: [],
          version: packageVersion(),
        });
        for (let i = 0; i < files.length; i++) view.update(String(i + 1), 'done', 1, 'done');
        process.stdout.write(`wrote ${written.length} files to ${out}\n`);
        const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
          warnings?: string[];
        };
        for (const w of manifest.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
      } finally {
        process.off('SIGINT', onSig);
        process.off('SIGTERM', onSig);
        if (!o.keepWork) await rm(work, { recursive: true, force: true });
      }
    });
}
