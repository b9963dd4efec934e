/**
 * The face models, loaded lazily once per worker process on one tfjs wasm backend: nothing here
 * runs at import time, so the API process can import pipeline types without paying for models.
 * - @vladmandic/human finds faces (BlazeFace) and their 468-point mesh (boxes, pose, mouth).
 * - @vladmandic/face-api's FaceRecognitionNet (the dlib ResNet-34 128-d descriptor) embeds the
 *   aligned face chip (align.ts). Human's own faceres embedding separated a cast photo from
 *   footage of the same person poorly (same person 0.21–0.65 vs others up to 0.42, centred
 *   cosine); the dlib descriptor keeps them apart (eval/characters/README.md has the figures).
 * Both packages resolve the same @tensorflow/tfjs-core, so they share one engine and backend.
 * Workarounds (offline-components §5): neither package's entry point is the node-wasm build, so
 * both are loaded by absolute path; and Node's fetch cannot read `file://`, so Human's model and
 * wasm URLs of that scheme are served from disk. Nothing is downloaded.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chipGeometry, cutChip, CHIP_SIZE } from './align.js';

export interface RawFace {
  box: [number, number, number, number];
  score: number;
  mesh: number[][];
  rotation?: { angle?: { yaw?: number; pitch?: number; roll?: number } } | null;
  /** 128-d dlib descriptor (not normalised), only when `embed` was asked and the mesh allowed a chip. */
  embedding?: number[];
}

export interface FaceDetector {
  /** Detect faces on an RGB frame; `embed` also runs the identity model. Serialised internally. */
  detect(rgb: Uint8Array, width: number, height: number, embed: boolean): Promise<RawFace[]>;
}

interface Tf {
  tensor3d(
    values: Uint8Array | Float32Array,
    shape: [number, number, number],
    dtype: 'int32' | 'float32',
  ): unknown;
  expandDims(t: unknown, axis: number): unknown;
  dispose(t: unknown): void;
  getBackend(): string;
}
interface FaceApi {
  tf: Tf;
  nets: {
    faceRecognitionNet: {
      loadFromDisk(dir: string): Promise<void>;
      computeFaceDescriptor(input: unknown): Promise<Float32Array | Float32Array[]>;
    };
  };
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
      // Identity comes from face-api's descriptor (see the header); faceres would cost ~100 ms a frame for nothing.
      description: { enabled: false },
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
  const faceApiDir = dirname(require.resolve('@vladmandic/face-api/package.json'));
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
  // Imported after Human has set up the wasm backend: face-api only registers backends on import.
  const api = (await import(pathToFileURL(join(faceApiDir, 'dist', 'face-api.node-wasm.js')).href)) as
    (FaceApi & { default?: FaceApi }) | { default: FaceApi };
  const faceapi = 'nets' in api ? api : api.default;
  if (!faceapi?.nets) throw new Error('face detector: @vladmandic/face-api did not load');
  await faceapi.nets.faceRecognitionNet.loadFromDisk(join(faceApiDir, 'model'));
  if (faceapi.tf.getBackend() !== 'wasm' || human.tf.getBackend() !== 'wasm')
    throw new Error(`face detector: expected one wasm backend, got ${faceapi.tf.getBackend()}`);
  const net = faceapi.nets.faceRecognitionNet;

  const embedFace = async (rgb: Uint8Array, width: number, height: number, face: RawFace): Promise<void> => {
    const g = chipGeometry(face.mesh);
    if (!g) return;
    const chip = human.tf.tensor3d(cutChip(rgb, width, height, g), [CHIP_SIZE, CHIP_SIZE, 3], 'float32');
    try {
      const d = await net.computeFaceDescriptor(chip);
      face.embedding = Array.from(Array.isArray(d) ? d[0]! : d);
    } finally {
      human.tf.dispose(chip);
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  const detectOnce = async (
    rgb: Uint8Array,
    width: number,
    height: number,
    embed: boolean,
  ): Promise<RawFace[]> => {
    const t3 = human.tf.tensor3d(rgb, [height, width, 3], 'int32');
    const t4 = human.tf.expandDims(t3, 0);
    let faces: RawFace[];
    try {
      const res = await human.detect(t4, {});
      if (res.error) throw new Error(`face detector: ${res.error}`);
      faces = res.face.map((f) => ({ box: f.box, score: f.score, mesh: f.mesh, rotation: f.rotation }));
    } finally {
      human.tf.dispose(t3);
      human.tf.dispose(t4);
    }
    if (embed) for (const face of faces) await embedFace(rgb, width, height, face);
    return faces;
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
