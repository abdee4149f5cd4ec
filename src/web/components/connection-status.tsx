import { useEffect, useSyncExternalStore } from 'react';
import { connectionState, reloadToUpdate, startConnectionChecks, subscribeToConnection } from '../lib/connection';

/**
 * In the top bar: the server cannot be reached (and the app keeps trying), it is back, or it serves a
 * newer build. One live region, so each change is read out once.
 */
export function ConnectionStatus() {
  const state = useSyncExternalStore(subscribeToConnection, connectionState);
  useEffect(() => startConnectionChecks(), []);
  return (
    <div className="connection-status" role="status" data-testid="connection-status">
      {!state.online ? (
        <span className="connection-status__message connection-status__message--offline">
          Offline – your changes are kept in this browser
        </span>
      ) : state.backOnline ? (
        <span className="connection-status__message connection-status__message--back">Back online – the server answers again</span>
      ) : null}
      {state.updateAvailable ? (
        <span className="connection-status__message connection-status__message--update">
          A new version of the app is available.{' '}
          <button type="button" className="button button--small button--primary" onClick={() => void reloadToUpdate()}>
            Reload to update
          </button>
        </span>
      ) : null}
    </div>
  );
}
