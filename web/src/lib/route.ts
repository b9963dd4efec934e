/** Client-side routes (History API; the server answers index.html for any of these paths). */
export type Route =
  | { name: 'tasks' }
  | { name: 'new' }
  | { name: 'task'; id: string }
  | { name: 'storyboard'; id: string; episode: string | null }
  | { name: 'characters'; id: string }
  | { name: 'missing'; path: string };

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, id, b, ep] = parts;
  if (parts.length === 0) return { name: 'tasks' };
  if (a === 'new' && parts.length === 1) return { name: 'new' };
  if (a === 'tasks' && id) {
    if (parts.length === 2) return { name: 'task', id };
    if (b === 'storyboard' && parts.length <= 4) return { name: 'storyboard', id, episode: ep ?? null };
    if (b === 'characters' && parts.length === 3) return { name: 'characters', id };
  }
  return { name: 'missing', path };
}

export function routePath(r: Route): string {
  const e = encodeURIComponent;
  switch (r.name) {
    case 'tasks':
      return '/';
    case 'new':
      return '/new';
    case 'task':
      return `/tasks/${e(r.id)}`;
    case 'storyboard':
      return `/tasks/${e(r.id)}/storyboard${r.episode ? `/${e(r.episode)}` : ''}`;
    case 'characters':
      return `/tasks/${e(r.id)}/characters`;
    case 'missing':
      return r.path;
  }
}
