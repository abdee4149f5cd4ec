import { useId, useState } from 'react';
import { roleAllows } from '../../domain/roles';
import { paths } from '../../domain/screen-routes';
import { Link, useLocation } from '../lib/history-router';
import { useMe } from '../lib/me';
import { useDisclosure } from './use-disclosure';

/** Ends the session, then starts the app afresh: the first request asks for a sign-in again. */
async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
  }).catch(() => undefined);
  window.location.assign(paths.bots());
}

/**
 * The person in the top bar and what is theirs: API keys, Activity, People (admins) and Sign out. A disclosure
 * of links rather than an ARIA menu: it holds navigation, and Tab moves through it as through the bar.
 */
export function PersonMenu() {
  const { pathname } = useLocation();
  const { data: me } = useMe(pathname !== paths.invite());
  const { open, setOpen, button, rootProps } = useDisclosure();
  const [signingOut, setSigningOut] = useState(false);
  const listId = useId();

  if (!me) return null;
  const signedIn = me.authMode !== 'none';
  return (
    <div {...rootProps} className="person-menu">
      <button
        ref={button}
        type="button"
        className="person-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${me.name}, ${me.role}: account menu`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="person-menu__avatar" aria-hidden="true">
          {me.name.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="person-menu__name">{me.name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {/* A link followed closes the menu: the screen it opens takes the focus. */}
      <div
        id={listId}
        className="person-menu__popup"
        hidden={!open}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false);
        }}
      >
        <p className="person-menu__who">
          <strong>{me.name}</strong>
          {me.email ? <span className="person-menu__email">{me.email}</span> : null}
          <span className="person-menu__role">Role: {me.role}</span>
        </p>
        <ul className="person-menu__list">
          {signedIn ? (
            <li>
              <Link to={paths.apiKeys()} className="person-menu__item">
                API keys
              </Link>
            </li>
          ) : null}
          <li>
            <Link to={paths.activity()} className="person-menu__item">
              Activity
            </Link>
          </li>
          {signedIn && roleAllows(me.role, 'admin') ? (
            <li>
              <Link to={paths.people()} className="person-menu__item">
                People
              </Link>
            </li>
          ) : null}
          {signedIn ? (
            <li>
              <button
                type="button"
                className="person-menu__item"
                disabled={signingOut}
                onClick={() => {
                  setSigningOut(true);
                  void signOut();
                }}
              >
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}
