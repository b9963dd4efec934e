/**
 * Plays one span of an episode. The video comes from GET /{asset_id}/download as a blob (the key
 * must be sent in a header), loaded the first time a shot is played, then seeks to the span's
 * start and pauses at its end.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { errorText } from '../lib/actions.js';
import { timecode } from '../lib/format.js';

export interface Span {
  start: number;
  end: number;
  label: string;
  /** Changes on every click, so playing the same shot again restarts it. */
  nonce: number;
}

const videoCache = new Map<string, Promise<string>>();

export function Player(props: { assetId: string; span: Span | null }) {
  const { api } = useApp();
  const video = useRef<HTMLVideoElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('Choose a shot to play it.');
  const end = useRef<number | null>(null);
  const span = props.span;

  useEffect(() => setSrc(null), [props.assetId]);
  useEffect(() => {
    if (!span) return;
    let live = true;
    let p = videoCache.get(props.assetId);
    if (!p) {
      setStatus('Loading the episode video…');
      p = api.blob(`/${encodeURIComponent(props.assetId)}/download`).then((b) => URL.createObjectURL(b));
      p.catch(() => videoCache.delete(props.assetId));
      videoCache.set(props.assetId, p);
    }
    p.then(
      (u) => live && setSrc(u),
      (err: unknown) => live && setStatus(`The video could not be loaded: ${errorText(err)}`),
    );
    return () => void (live = false);
  }, [api, props.assetId, span]);

  useEffect(() => {
    const v = video.current;
    if (!v || !src || !span) return;
    const start = () => {
      end.current = span.end;
      v.currentTime = span.start + 0.001;
      setStatus(`Playing ${span.label}: ${timecode(span.start)} – ${timecode(span.end)}`);
      v.play().catch(() => setStatus(`Ready at ${timecode(span.start)}: press play.`));
    };
    if (v.readyState >= 1) start();
    else v.addEventListener('loadedmetadata', start, { once: true });
    return () => v.removeEventListener('loadedmetadata', start);
  }, [src, span]);

  return (
    <div class={`player ${src ? '' : 'empty'}`}>
      <video
        ref={video}
        src={src ?? undefined}
        controls
        playsInline
        preload="metadata"
        aria-label="Episode video"
        onTimeUpdate={(e) => {
          const v = e.currentTarget;
          if (end.current !== null && v.currentTime >= end.current) {
            v.pause();
            end.current = null;
            if (span) setStatus(`Played ${span.label}: ${timecode(span.start)} – ${timecode(span.end)}`);
          }
        }}
        onError={() => src && setStatus('This browser cannot play this video format.')}
      />
      <p class="player-status" aria-live="polite" data-testid="player-status">
        {status}
      </p>
    </div>
  );
}
