/** The shell: sign-in gate, header with balance, and the page for the current route. */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Api, session } from './api.js';
import { clearImageCache } from './components/auth-image.js';
import { Link } from './components/link.js';
import { Ctx, type AppContext } from './context.js';
import { money } from './lib/format.js';
import { parseRoute, routePath, type Route } from './lib/route.js';
import { CharactersPage } from './pages/characters.js';
import { NewTaskPage } from './pages/new-task.js';
import { SignIn } from './pages/sign-in.js';
import { StoryboardPage } from './pages/storyboard.js';
import { TaskPage } from './pages/task.js';
import { TaskListPage } from './pages/task-list.js';
import type { AccountView } from './types.js';

function useRoute(): [Route, (to: Route | string, opts?: { focus?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: Route | string, opts: { focus?: boolean } = {}) => {
    const path = typeof to === 'string' ? to : routePath(to);
    if (path !== location.pathname) history.pushState(null, '', path);
    setRoute(parseRoute(path));
    scrollTo(0, 0);
    // Tell keyboard and screen-reader users the page changed: focus moves to the new page's heading.
    if (opts.focus !== false)
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, []);
  return [route, navigate];
}

function Page(props: { route: Route }) {
  const r = props.route;
  switch (r.name) {
    case 'tasks':
      return <TaskListPage />;
    case 'new':
      return <NewTaskPage />;
    case 'task':
      return <TaskPage id={r.id} />;
    case 'storyboard':
      return <StoryboardPage id={r.id} episode={r.episode} />;
    case 'characters':
      return <CharactersPage id={r.id} />;
    case 'missing':
      return (
        <main id="main" class="page">
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            Nothing lives at <code>{r.path}</code>. <Link to={{ name: 'tasks' }}>Back to your tasks</Link>.
          </p>
        </main>
      );
  }
}

export function App() {
  const [key, setKey] = useState<string | null>(() => session.load());
  const [route, navigate] = useRoute();
  const [account, setAccount] = useState<AccountView | null>(null);
  const signOut = useCallback(() => {
    session.clear();
    clearImageCache();
    setAccount(null);
    setKey(null);
  }, []);
  const api = useMemo(() => (key ? new Api(key, signOut) : null), [key, signOut]);
  const refreshAccount = useCallback(() => {
    api?.get<AccountView>('/account').then(setAccount, () => undefined);
  }, [api]);
  useEffect(refreshAccount, [refreshAccount]);
  useEffect(() => {
    const labels: Record<Route['name'], string> = {
      tasks: 'Tasks',
      new: 'New task',
      task: 'Task',
      storyboard: 'Storyboard',
      characters: 'Characters',
      missing: 'Not found',
    };
    document.title = `${labels[route.name]} · reelscript`;
  }, [route]);

  if (!api)
    return (
      <SignIn
        onSignedIn={(k, acct) => {
          session.save(k);
          setAccount(acct);
          setKey(k);
        }}
      />
    );
  const ctx: AppContext = { api, navigate, refreshAccount, balance: account?.balance ?? null };
  const here = (name: Route['name']) => (route.name === name ? ('page' as const) : undefined);
  return (
    <Ctx.Provider value={ctx}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link to={{ name: 'tasks' }} class="brand">
          reelscript
        </Link>
        <nav aria-label="Main">
          <Link to={{ name: 'tasks' }} aria-current={here('tasks')}>
            Tasks
          </Link>
          <Link to={{ name: 'new' }} aria-current={here('new')}>
            New task
          </Link>
        </nav>
        <div class="account">
          <span class="balance" title={account ? `Account ${account.account_id}` : undefined}>
            Balance <strong data-testid="balance">{account ? money(account.balance) : '…'}</strong>
          </span>
          <button type="button" class="link-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <Page route={route} />
    </Ctx.Provider>
  );
}
