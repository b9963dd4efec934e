/** Re-run a loader every `ms` while `active`, and once on mount; stops on unmount. */
import { useEffect, useRef } from 'preact/hooks';

export function usePoll(load: () => Promise<unknown>, ms: number, active: boolean, deps: unknown[]): void {
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      timer = setTimeout(() => {
        if (stopped) return;
        loadRef.current().finally(() => !stopped && tick());
      }, ms);
    };
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, ms, ...deps]);
}
