/**
 * Per-episode progress for `extract`: redrawn bars on a terminal, plain lines otherwise
 * (one line per stage change), so logs stay readable when piped.
 */
export class ProgressView {
  private readonly rows = new Map<string, { stage: string; fraction: number; state: string }>();
  private drawn = 0;
  private lastStage = new Map<string, string>();

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly tty: boolean,
  ) {}

  update(episode: string, stage: string, fraction: number, state = 'running'): void {
    this.rows.set(episode, { stage, fraction, state });
    if (this.tty) return this.draw();
    const key = `${stage}:${state}`;
    if (this.lastStage.get(episode) !== key) {
      this.lastStage.set(episode, key);
      this.out.write(`episode ${episode}: ${state === 'running' ? stage : state}\n`);
    }
  }

  private draw(): void {
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}A`);
    const width = 30;
    for (const [ep, r] of this.rows) {
      const filled = Math.round(r.fraction * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.out.write(
        `\x1b[2K episode ${ep.padStart(3)} ${bar} ${String(Math.round(r.fraction * 100)).padStart(3)}% ${r.state === 'running' ? r.stage : r.state}\n`,
      );
    }
    this.drawn = this.rows.size;
  }
}
