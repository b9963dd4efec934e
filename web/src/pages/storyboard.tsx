/** The storyboard of one episode: shots with keyframes, sizes, movement, characters and dialogue. */
import { useMemo, useState } from 'preact/hooks';
import { Link } from '../components/link.js';
import { Player, type Span } from '../components/player.js';
import { useApp } from '../context.js';
import { plural } from '../lib/format.js';
import { useTaskJson } from '../lib/use-json.js';
import { useTask } from '../lib/use-task.js';
import type { Namelist, Storyboard, Transcript } from '../types.js';
import { ShotCard } from './shot-card.js';

export function StoryboardPage(props: { id: string; episode: string | null }) {
  const { api, navigate } = useApp();
  const { task, error } = useTask(api, props.id, false);
  const episodes = useMemo(
    () => [...(task?.episodes ?? [])].sort((a, b) => Number(a.episode) - Number(b.episode)),
    [task],
  );
  const ep = props.episode ?? episodes[0]?.episode ?? null;
  const current = episodes.find((e) => e.episode === ep);
  const ready = task?.status === 'completed';
  const board = useTaskJson<Storyboard>(api, props.id, ready && ep ? `${ep}_storyboard.json` : null);
  const transcript = useTaskJson<Transcript>(api, props.id, ready && ep ? `${ep}_transcript.json` : null);
  const namelist = useTaskJson<Namelist>(api, props.id, ready ? 'namelist.json' : null);
  const [span, setSpan] = useState<Span | null>(null);

  const lines = useMemo(
    () => new Map((transcript.state === 'ok' ? transcript.value.lines : []).map((l) => [l.id, l])),
    [transcript],
  );
  const people = useMemo(
    () => new Map((namelist.state === 'ok' ? namelist.value.characters : []).map((c) => [c.id, c])),
    [namelist],
  );
  const idx = episodes.findIndex((e) => e.episode === ep);
  const go = (episode: string) => {
    setSpan(null);
    navigate({ name: 'storyboard', id: props.id, episode }, { focus: false });
  };

  return (
    <main id="main" class="page storyboard-page">
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link to={{ name: 'tasks' }}>Tasks</Link> /{' '}
        <Link to={{ name: 'task', id: props.id }} class="mono">
          {props.id}
        </Link>{' '}
        / Storyboard
      </nav>
      <div class="page-head">
        <h1 tabIndex={-1}>Episode {ep ?? '…'}</h1>
        <div class="episode-switch">
          <button
            type="button"
            class="secondary small"
            disabled={idx <= 0}
            onClick={() => go(episodes[idx - 1]!.episode)}
          >
            ‹ Previous
          </button>
          <label for="episode-select" class="sr-only">
            Episode
          </label>
          <select id="episode-select" value={ep ?? ''} onChange={(e) => go(e.currentTarget.value)}>
            {episodes.map((e) => (
              <option value={e.episode}>Episode {e.episode}</option>
            ))}
          </select>
          <button
            type="button"
            class="secondary small"
            disabled={idx < 0 || idx >= episodes.length - 1}
            onClick={() => go(episodes[idx + 1]!.episode)}
          >
            Next ›
          </button>
          <Link to={{ name: 'characters', id: props.id }} class="button secondary small">
            Characters
          </Link>
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {task && !ready && (
        <p class="notice">
          This task is {task.status}; the storyboard appears when it completes.{' '}
          <Link to={{ name: 'task', id: props.id }}>See its progress</Link>.
        </p>
      )}
      {board.state === 'error' && (
        <p class="error" role="alert">
          {board.error}
        </p>
      )}
      {board.state === 'missing' && ready && (
        <p class="notice">No storyboard was produced for this episode.</p>
      )}
      {board.state === 'ok' && (
        <div class="board">
          <aside class="board-player">{current && <Player assetId={current.asset_id} span={span} />}</aside>
          <section aria-label={`Shots of episode ${ep ?? ''}`}>
            <p class="muted">
              {board.value.shots.length} shots · {board.value.width}×{board.value.height} · {board.value.fps}{' '}
              fps · {lines.size} lines
            </p>
            <ol class="shots">
              {board.value.shots.map((s) => (
                <ShotCard
                  key={s.index}
                  taskId={props.id}
                  shot={s}
                  lines={s.lines.flatMap((id) => lines.get(id) ?? [])}
                  people={people}
                  playing={span?.label === `shot ${s.index}`}
                  onPlay={() =>
                    setSpan({ start: s.start, end: s.end, label: `shot ${s.index}`, nonce: Date.now() })
                  }
                />
              ))}
            </ol>
          </section>
        </div>
      )}
      {board.state === 'loading' && ready && <p class="muted">Loading the storyboard…</p>}
    </main>
  );
}
