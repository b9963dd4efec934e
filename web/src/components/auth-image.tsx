/**
 * Images from the API need the Authorization header, which <img src> cannot send: fetch them as
 * blobs (a few at a time, when they come near the viewport) and show object URLs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import { useApp } from '../context.js';

const cache = new Map<string, Promise<string>>();
const MAX_PARALLEL = 4;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function loadObjectUrl(api: Api, path: string): Promise<string> {
  let p = cache.get(path);
  if (!p) {
    p = limited(() => api.blob(path)).then((b) => URL.createObjectURL(b));
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

/** Forget cached images (on sign-out). */
export function clearImageCache(): void {
  for (const p of cache.values()) p.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
  cache.clear();
}

export function AuthImage(props: {
  path: string;
  alt: string;
  class?: string;
  width?: number;
  height?: number;
}) {
  const { api } = useApp();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    setFailed(false);
    const start = () =>
      loadObjectUrl(api, props.path).then(
        (u) => live && setSrc(u),
        () => live && setFailed(true),
      );
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      void start();
      return () => void (live = false);
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          void start();
        }
      },
      { rootMargin: '400px' },
    );
    io.observe(el);
    return () => {
      live = false;
      io.disconnect();
    };
  }, [api, props.path]);
  return (
    <span ref={ref} class={`auth-image ${props.class ?? ''}`}>
      {src ? (
        <img src={src} alt={props.alt} width={props.width} height={props.height} />
      ) : (
        <span
          class="image-placeholder"
          role="img"
          aria-label={failed ? `${props.alt} (not available)` : props.alt}
        />
      )}
    </span>
  );
}
