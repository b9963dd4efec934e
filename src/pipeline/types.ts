/** What every pipeline stage receives: cancellation, a scratch directory and a progress sink. */
export interface StageContext {
  /** Aborted on cancel, shutdown or lease loss; pass it to every spawn. */
  readonly signal: AbortSignal;
  /** Scratch directory owned by this episode (checkpoints live here). */
  readonly workDir: string;
  /** Fraction 0..1 of this stage done. */
  onProgress(fraction: number): void;
  log(message: string): void;
}

export const noopStageContext = (signal: AbortSignal, workDir: string): StageContext => ({
  signal,
  workDir,
  onProgress: () => undefined,
  log: () => undefined,
});
