import { useId, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../domain/people';
import { paths } from '../../../../domain/screen-routes';
import { useSearchParams } from '../../../lib/history-router';
import './people.css';

/**
 * Where an invite link leads: the person sets their password once (better-auth's reset-password, which the
 * invite's token is for), then signs in. Nobody is signed in here, so nothing on this screen asks the API first.
 */
export function InvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setError(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (password !== again) return setError('The two passwords differ: type the same one twice.');
    setError(null);
    setBusy(true);
    try {
      const response = await fetch('/api/auth/reset-password', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ newPassword: password, token }),
      });
      if (response.ok) setDone(true);
      else {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setError(
          response.status === 400
            ? 'This invite link is not valid any more (used, or older than 7 days): ask your admin for a new one.'
            : (problem?.detail ?? `The server answered ${response.status}.`),
        );
      }
    } catch {
      setError('The server cannot be reached: try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page--narrow">
      <title>Set your password · Integrations Panel</title>
      <div className="page__header">
        <h1>Set your password</h1>
        <p className="page__lead">You were invited to the Integrations Panel. Choose the password you will sign in with.</p>
      </div>
      {!token ? (
        <p className="note note--warning" role="alert">
          This address has no invite token: open the whole link your admin sent.
        </p>
      ) : done ? (
        <p className="note" role="status">
          Your password is set. <a href={paths.bots()}>Sign in</a>
        </p>
      ) : (
        <form className="people-card" onSubmit={(event) => void submit(event)} noValidate aria-label="Set your password">
          <div className="field">
            <label htmlFor={`${id}-password`} className="field__label">
              New password
            </label>
            <input
              id={`${id}-password`}
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-describedby={`${id}-help`}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p className="field__help" id={`${id}-help`}>
              At least {MIN_PASSWORD_LENGTH} characters.
            </p>
          </div>
          <div className={error ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-again`} className="field__label">
              Password again
            </label>
            <input
              id={`${id}-again`}
              className="input"
              type="password"
              autoComplete="new-password"
              value={again}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setAgain(event.target.value)}
            />
            {error ? (
              <p className="field__error" id={`${id}-error`} role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div className="people-form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Setting…' : 'Set password'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
