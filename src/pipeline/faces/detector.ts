/**
 * The face model (@vladmandic/human on the tfjs wasm backend), loaded lazily once per worker
 * process: nothing here runs at import time, so the API process can import pipeline types
 * without paying for models. Two workarounds (offline-components §5): the package's `exports`
 * map does not expose the node-wasm build, so it is loaded by absolute path; and Node's fetch
 * cannot read `file://`, so model and wasm URLs of that scheme are served from disk.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RawFace {
  box: [number, number, number, number];
  score: number;
  mesh: number[][];
  rotation?: { angle?: { yaw?: number; pitch?: number; roll?: number } } | null;
  embedding?: number[];
}

export interface FaceDetector {
  /** Detect faces on an RGB frame; `embed` also runs the identity model. Serialised internally. */
  detect(rgb: Uint8Array, width: number, height: number, embed: boolean): Promise<RawFace[]>;
}

interface Tf {
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): unknown;
  expandDims(t: unknown, axis: number): unknown;
  dispose(t: unknown): void;
}
interface HumanInstance {
  tf: Tf;
  load(): Promise<void>;
  detect(input: unknown, config: unknown): Promise<{ face: RawFace[]; error?: string | null }>;
}

let loading: Promise<FaceDetector> | null = null;

/** The process-wide detector (first call loads the models, ~0.4 s). */
export function getFaceDetector(): Promise<FaceDetector> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

function installFileFetch(): void {
  const marker = Symbol.for('reelscript.fileFetch');
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[marker]) return;
  const original = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) return original(input, init);
    const body = await readFile(new URL(url));
    return new Response(body, {
      status: 200,
      headers: { 'content-type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' },
    });
  };
  g[marker] = true;
}

export function humanConfig(humanDir: string, wasmDir: string): Record<string, unknown> {
  const off = { enabled: false };
  return {
    backend: 'wasm',
    wasmPath: `${pathToFileURL(wasmDir).href}/`,
    modelBasePath: `${pathToFileURL(join(humanDir, 'models')).href}/`,
    debug: false,
    async: false,
    warmup: 'none',
    // Frames come from different shots: never reuse a previous frame's result.
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: {
        rotation: false,
        maxDetected: 12,
        minConfidence: 0.35,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: { enabled: true },
      description: { enabled: true, skipFrames: 0, skipTime: 0 },
      iris: off,
      emotion: off,
      antispoof: off,
      liveness: off,
      attention: off,
    },
    body: off,
    hand: off,
    object: off,
    gesture: off,
    segmentation: off,
  };
}

async function load(): Promise<FaceDetector> {
  installFileFetch();
  const require = createRequire(import.meta.url);
  const humanDir = dirname(dirname(require.resolve('@vladmandic/human')));
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  type HumanCtor = new (cfg: unknown) => HumanInstance;
  const mod = (await import(pathToFileURL(join(humanDir, 'dist', 'human.node-wasm.js')).href)) as {
    Human?: HumanCtor;
    default?: { Human?: HumanCtor };
  };
  // Node exposes the CJS exports as named exports; some loaders (tsx) only as `default`.
  const Human = mod.Human ?? mod.default?.Human;
  if (typeof Human !== 'function') throw new Error('face detector: @vladmandic/human did not load');
  const human = new Human(humanConfig(humanDir, wasmDir));
  await human.load();
  let queue: Promise<unknown> = Promise.resolve();
  const detectOnce = async (
    rgb: Uint8Array,
    width: number,
    height: number,
    embed: boolean,
  ): Promise<RawFace[]> => {
    const t3 = human.tf.tensor3d(rgb, [height, width, 3], 'int32');
    const t4 = human.tf.expandDims(t3, 0);
    try {
      const res = await human.detect(t4, { face: { description: { enabled: embed } } });
      if (res.error) throw new Error(`face detector: ${res.error}`);
      return res.face;
    } finally {
      human.tf.dispose(t3);
      human.tf.dispose(t4);
    }
  };
  return {
    detect(rgb, width, height, embed) {
      // The wasm backend is single-threaded state: one inference at a time per process.
      const run = queue.then(() => detectOnce(rgb, width, height, embed));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
