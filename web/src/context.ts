/** What every page needs: the API client, navigation, and a way to refresh the balance. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.js';
import type { Route } from './lib/route.js';

export interface AppContext {
  api: Api;
  navigate: (to: Route | string, opts?: { focus?: boolean }) => void;
  refreshAccount: () => void;
  balance: number | null;
}

export const Ctx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('useApp outside the signed-in app');
  return c;
}
