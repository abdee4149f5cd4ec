import { Dialog } from 'radix-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { OpenTokenQuestion } from '../lib/admin-token';

/** What the server adds to the address when a sign-in through the provider fails (`OIDC_ERROR_PATH`, the library's `error`). */
const FAILURE_PARAMS = ['signInError', 'error'];

/**
 * The server's start of a sign-in through the provider, asked to bring the browser back here: to this
 * address as the browser shows it (the app's router follows the browser's address).
 */
function startAddress(url: string): string {
  const here = new URL(window.location.href);
  // A failed try's report is not part of where the person was.
  for (const name of FAILURE_PARAMS) here.searchParams.delete(name);
  const start = new URL(url, window.location.origin);
  start.searchParams.set('returnTo', here.pathname + here.search);
  return start.origin === window.location.origin ? start.pathname + start.search : start.href;
}

/** A sign-in through the provider that failed comes back to `/?signInError=oidc` (and the library's `error`). */
function providerFailure(name: string): string | null {
  const search = new URLSearchParams(window.location.search);
  if (search.get('signInError') !== 'oidc') return null;
  const reason = search.get('error');
  return `Signing in with ${name} did not work${reason ? ` (${reason.replace(/_/g, ' ')})` : ''}: try again.`;
}

async function readProblem(response: Response): Promise<string> {
  const problem = (await response.json().catch(() => null)) as { detail?: string; message?: string } | null;
  return problem?.detail ?? problem?.message ?? `The server answered ${response.status}.`;
}

/**
 * The one prompt for credentials when the API answers 401: email and password where the server has people
 * (AUTH=accounts), with "Sign in with <provider>" under AUTH=oidc, else the server's ADMIN_TOKEN. It cannot
 * be dismissed: the requests that wait on it go on once it is answered (carried by the session cookie, or
 * with the token).
 */
export default function CredentialsDialog({ question, onAnswered }: { question: OpenTokenQuestion; onAnswered: () => void }) {
  const people = question.signIn !== undefined;
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const provider = question.signInWith;
  const [error, setError] = useState<string | null>(() =>
    people ? (provider ? providerFailure(provider.name) : null) : question.rejection,
  );
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const id = useId();
  const ready = people ? email.trim() !== '' && secret !== '' : secret.trim() !== '';

  async function signIn(): Promise<void> {
    const response = await fetch(question.signIn!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: email.trim(), password: secret }),
    });
    if (!response.ok) throw new Error(await readProblem(response));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy) return;
    if (!people) {
      question.answer(secret.trim());
      onAnswered();
      return;
    }
    setBusy(true);
    try {
      await signIn();
      question.answer('');
      onAnswered();
    } catch (failure) {
      setError(failure instanceof TypeError ? 'The server cannot be reached: try again.' : (failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const errorLine = error ? (
    <p className="field__error" id={`${id}-error`} role="alert" data-testid={people ? 'error-sign-in' : 'error-admin-token'}>
      {error}
    </p>
  ) : null;
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

  return (
    <Dialog.Root open>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          onEscapeKeyDown={(event) => event.preventDefault()}
          onPointerDownOutside={(event) => event.preventDefault()}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            firstField.current?.focus();
          }}
        >
          <Dialog.Title className="dialog__title">{people ? 'Sign in' : 'Admin token required'}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            {people
              ? provider
                ? `Sign in with ${provider.name}, or with the email and password your admin gave you.`
                : 'Sign in with the email and password your admin gave you.'
              : 'This server asks for its admin token (ADMIN_TOKEN). It is kept for this tab only.'}
          </Dialog.Description>
          {provider ? (
            <div className="dialog__actions dialog__actions--start">
              {/* A navigation, not a fetch: the server answers 302 to the provider's pages, which come back here. */}
              <a className="button button--primary" href={startAddress(provider.url)}>
                Sign in with {provider.name}
              </a>
            </div>
          ) : null}
          <form onSubmit={(event) => void submit(event)} noValidate>
            {people ? (
              <div className="field">
                <label className="field__label" htmlFor={`${id}-email`}>
                  Email
                </label>
                <input
                  ref={firstField}
                  id={`${id}-email`}
                  className="input"
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              </div>
            ) : null}
            <div className={error ? 'field field--invalid' : 'field'}>
              <label className="field__label" htmlFor={`${id}-secret`}>
                {people ? 'Password' : 'Admin token'}
              </label>
              <input
                ref={people ? undefined : firstField}
                id={`${id}-secret`}
                className="input"
                type="password"
                autoComplete="current-password"
                value={secret}
                onChange={(event) => setSecret(event.target.value)}
                {...invalid}
              />
              {errorLine}
            </div>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={busy || !ready}>
                {people ? (busy ? 'Signing in…' : 'Sign in') : 'Continue'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
