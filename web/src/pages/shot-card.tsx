/** One shot: keyframe (click or Enter plays the span), timecodes, size, movement, faces, dialogue. */
import { AuthImage } from '../components/auth-image.js';
import { useApp } from '../context.js';
import { movementLabel, shotSizeLabel, timecode } from '../lib/format.js';
import type { NamelistCharacter, StoryboardShot, TranscriptLine } from '../types.js';

export function CharacterChip(props: { taskId: string; id: string; person: NamelistCharacter | undefined }) {
  const { api } = useApp();
  const name = props.person?.name || props.id;
  return (
    <span class="chip" title={props.id}>
      {props.person?.image && (
        <AuthImage path={api.fileUrl(props.taskId, props.person.image)} alt="" class="face" />
      )}
      {name}
    </span>
  );
}

export function ShotCard(props: {
  taskId: string;
  shot: StoryboardShot;
  lines: TranscriptLine[];
  people: Map<string, NamelistCharacter>;
  playing: boolean;
  onPlay: () => void;
}) {
  const { api } = useApp();
  const s = props.shot;
  const taskId = props.taskId;
  const who = (id: string | null) => (id ? props.people.get(id)?.name || id : null);
  return (
    <li class={`shot ${props.playing ? 'playing' : ''}`} data-shot={s.index}>
      <button
        type="button"
        class="shot-thumb"
        onClick={props.onPlay}
        aria-label={`Play shot ${s.index}, ${timecode(s.start)} to ${timecode(s.end)}`}
      >
        <AuthImage
          path={api.fileUrl(taskId, s.keyframe)}
          alt={`Keyframe of shot ${s.index}`}
          class="keyframe"
        />
        <span class="shot-no" aria-hidden="true">
          {s.index}
        </span>
      </button>
      <div class="shot-body">
        <p class="shot-time">
          <span class="mono">
            {timecode(s.start)} – {timecode(s.end)}
          </span>{' '}
          <span class="muted">({(s.end - s.start).toFixed(1)} s)</span>
        </p>
        <dl class="shot-facts">
          <div>
            <dt>Size</dt>
            <dd>{shotSizeLabel(s.shot_size)}</dd>
          </div>
          <div>
            <dt>Camera</dt>
            <dd>{movementLabel(s.camera_movement)}</dd>
          </div>
          {s.transition_in.kind !== 'cut' && s.transition_in.kind !== 'start' && (
            <div>
              <dt>In</dt>
              <dd>{s.transition_in.kind}</dd>
            </div>
          )}
        </dl>
        {s.characters.length > 0 && (
          <p class="chips" aria-label="Characters">
            {[...new Set(s.characters.map((c) => c.id))].map((id) => (
              <CharacterChip taskId={taskId} id={id} person={props.people.get(id)} />
            ))}
          </p>
        )}
        {s.description && <p class="description">{s.description}</p>}
        {props.lines.length > 0 && (
          <ul class="dialogue">
            {props.lines.map((l) => (
              <li key={l.id}>
                {who(l.speaker) && <strong class="speaker">{who(l.speaker)}: </strong>}
                <span lang={l.language}>{l.text}</span>
              </li>
            ))}
          </ul>
        )}
        {s.onscreen_text.length > 0 && <p class="onscreen muted">On screen: {s.onscreen_text.join(' · ')}</p>}
      </div>
    </li>
  );
}
