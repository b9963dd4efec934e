/** Sign in with an API key; the key is checked against GET /account and kept in sessionStorage. */
import { useState } from 'preact/hooks';
import { Api, ApiError } from '../api.js';
import { plainError } from '../lib/format.js';
import type { AccountView } from '../types.js';

export function SignIn(props: { onSignedIn: (key: string, account: AccountView) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const k = key.trim();
    if (!k) return setError('Enter your API key.');
    setBusy(true);
    setError(null);
    try {
      const account = await new Api(k).get<AccountView>('/account');
      props.onSignedIn(k, account);
    } catch (err) {
      setError(
        err instanceof ApiError ? plainError(err.code, err.message) : 'The server could not be reached.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <form class="card" onSubmit={(e) => void submit(e)}>
        <h1>reelscript</h1>
        <p class="muted">Turn episodes into storyboards and screenplays.</p>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          placeholder="sk-rs-…"
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby="key-help"
          aria-invalid={error ? true : undefined}
        />
        <p id="key-help" class="hint">
          Create one with <code>reelscript keys create</code>. It is kept only in this browser tab.
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
