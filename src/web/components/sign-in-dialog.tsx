import { Dialog } from 'radix-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { OpenTokenQuestion } from '../lib/admin-token';

/**
 * Asks a person to sign in when the API answers 401 on a server with people (AUTH=accounts). It cannot be
 * dismissed: the requests that wait on it go on, carried by the session cookie, once the sign-in succeeds.
 */
export default function SignInDialog({ question, onAnswered }: { question: OpenTokenQuestion; onAnswered: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) return;
    setBusy(true);
    try {
      const response = await fetch(question.signIn ?? '/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: email.trim(), password }),
      });
      if (response.ok) {
        question.answer('');
        onAnswered();
        return;
      }
      const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
      setError(problem?.detail ?? `The server answered ${response.status}.`);
    } catch {
      setError('The server cannot be reached: try again.');
    } finally {
      setBusy(false);
    }
  }

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
            emailRef.current?.focus();
          }}
        >
          <Dialog.Title className="dialog__title">Sign in</Dialog.Title>
          <Dialog.Description className="dialog__description">Sign in with the email and password your admin gave you.</Dialog.Description>
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-email`}>
                Email
              </label>
              <input
                ref={emailRef}
                id={`${id}-email`}
                className="input"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className={error ? 'field field--invalid' : 'field'}>
              <label className="field__label" htmlFor={`${id}-password`}>
                Password
              </label>
              <input
                id={`${id}-password`}
                className="input"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
              {error ? (
                <p className="field__error" id={`${id}-error`} role="alert" data-testid="error-sign-in">
                  {error}
                </p>
              ) : null}
            </div>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={busy || !email.trim() || !password}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
