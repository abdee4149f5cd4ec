import { DIRECTORIES } from '../../domain/directories';
import type { LivePersonService } from './liveperson-fetch';
import type { RemoteKind } from './remote-lists';

/** The directories read from the LivePerson account, each with its service; one left out is read from its table. */
export type LivePersonDirectories = Partial<Record<RemoteKind, LivePersonService | null>>;

/**
 * Each directory reads from the account when LP_ACCOUNT_ID, LP_ACCESS_TOKEN and its own service host
 * (its descriptor's `remote.hostVariable`) are set: the hosts differ per API.
 */
export function livePersonDirectoriesFrom(env: NodeJS.ProcessEnv): LivePersonDirectories {
  const { LP_ACCOUNT_ID: accountId, LP_ACCESS_TOKEN: accessToken } = env;
  const service = (domain: string | undefined): LivePersonService | null => {
    if (!accountId || !accessToken || !domain?.trim()) return null;
    if (!/^[a-zA-Z0-9_]{1,20}$/.test(accountId)) throw new Error('LP_ACCOUNT_ID must be 1–20 letters, digits or underscores.');
    return { accountId, accessToken, domain: domain.trim() };
  };
  return Object.fromEntries(
    DIRECTORIES.flatMap((directory) => ('remote' in directory ? [[directory.kind, service(env[directory.remote.hostVariable])]] : [])),
  ) as LivePersonDirectories;
}

export const NO_LIVEPERSON_DIRECTORIES: LivePersonDirectories = {};
