/** Speech recognition behind one interface; the deployment picks an engine by configuration. */

/** How to reach a speech recogniser (a discriminated union on `kind`). */
export type AsrEngineConfig =
  /** An OpenAI-compatible `POST {url}/v1/audio/transcriptions` (whisper servers, cloud ASR). */
  | { kind: 'openai'; url: string; model: string; apiKey: string | null; timeoutMs?: number }
  /** whisper.cpp in-process (@napi-rs/whisper) with a ggml model file. */
  | { kind: 'whisper'; modelPath: string; threads?: number }
  /** Debian pocketsphinx (English only, poor accuracy): a last resort. */
  | { kind: 'pocketsphinx'; hmm?: string; lm?: string; dict?: string };

/** A recognised stretch, seconds from the start of the audio handed to the engine. */
export interface AsrSegment {
  start: number;
  end: number;
  text: string;
  /** 0..1; engines that do not report one give 0.5. */
  confidence: number;
}

export interface AsrEngine {
  readonly name: string;
  /** Transcribe 16 kHz mono PCM. */
  transcribe(pcm: Float32Array, opts: { language: string; signal: AbortSignal }): Promise<AsrSegment[]>;
}

/** A configured engine that cannot run (missing or corrupt model, unreachable server). */
export class AsrError extends Error {
  constructor(
    message: string,
    readonly engine: AsrEngineConfig['kind'],
  ) {
    super(message);
    this.name = 'AsrError';
  }
}
