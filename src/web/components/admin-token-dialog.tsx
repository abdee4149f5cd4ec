import { Dialog } from 'radix-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { OpenTokenQuestion } from '../lib/admin-token';

/**
 * Asks for the server's ADMIN_TOKEN when the API answers 401. It cannot be dismissed: without the
 * token no screen can load, and the requests that wait on it go on once it is given.
 */
export default function AdminTokenDialog({ question, onAnswered }: { question: OpenTokenQuestion; onAnswered: () => void }) {
  const [token, setToken] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = token.trim();
    if (!value) return;
    question.answer(value);
    onAnswered();
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
            inputRef.current?.focus();
          }}
        >
          <Dialog.Title className="dialog__title">Admin token required</Dialog.Title>
          <Dialog.Description className="dialog__description">
            This server asks for its admin token (ADMIN_TOKEN). It is kept for this tab only.
          </Dialog.Description>
          <form onSubmit={submit} noValidate>
            <div className={question.rejection ? 'field field--invalid' : 'field'}>
              <label className="field__label" htmlFor={`${id}-token`}>
                Admin token
              </label>
              <input
                ref={inputRef}
                id={`${id}-token`}
                className="input"
                type="password"
                autoComplete="current-password"
                value={token}
                onChange={(event) => setToken(event.target.value)}
                aria-invalid={question.rejection ? true : undefined}
                aria-describedby={question.rejection ? `${id}-error` : undefined}
              />
              {question.rejection ? (
                <p className="field__error" id={`${id}-error`} role="alert" data-testid="error-admin-token">
                  {question.rejection}
                </p>
              ) : null}
            </div>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={token.trim() === ''}>
                Continue
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
