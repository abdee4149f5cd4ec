import { Dialog } from 'radix-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { OpenTokenQuestion } from '../lib/admin-token';

/** better-auth's generic OAuth route: it answers `{ url }`, the identity provider's page to go to. */
const OIDC_START = '/api/auth/sign-in/oauth2';

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
  const [error, setError] = useState<string | null>(people ? null : question.rejection);
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

  async function signInWithProvider() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(question.provider?.start ?? OIDC_START, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ providerId: 'oidc', callbackURL: window.location.href, errorCallbackURL: window.location.href }),
      });
      if (!response.ok) throw new Error(await readProblem(response));
      const { url } = (await response.json()) as { url?: string };
      if (!url) throw new Error('The server did not say where to sign in.');
      window.location.assign(url);
    } catch (failure) {
      setError(failure instanceof TypeError ? 'The server cannot be reached: try again.' : (failure as Error).message);
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
              ? question.provider
                ? `Sign in with ${question.provider.name}, or with the email and password your admin gave you.`
                : 'Sign in with the email and password your admin gave you.'
              : 'This server asks for its admin token (ADMIN_TOKEN). It is kept for this tab only.'}
          </Dialog.Description>
          {question.provider ? (
            <div className="dialog__actions dialog__actions--start">
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void signInWithProvider()}>
                Sign in with {question.provider.name}
              </button>
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
