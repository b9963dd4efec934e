/** A labelled progress bar (role=progressbar so screen readers announce it). */
import { percent } from '../lib/format.js';

export function Progress(props: { value: number; label: string; state?: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, props.value)) * 100);
  return (
    <div
      class={`progress ${props.state ?? ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div class="progress-fill" style={{ width: `${pct}%` }} />
      <span class="progress-text">{percent(props.value)}</span>
    </div>
  );
}

export function StatusBadge(props: { status: string }) {
  return <span class={`badge badge-${props.status}`}>{props.status}</span>;
}
