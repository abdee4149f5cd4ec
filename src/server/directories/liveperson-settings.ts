import type { LivePersonService } from './liveperson-fetch';

export interface LivePersonDirectories {
  functions: LivePersonService | null;
  knowledgeBases: LivePersonService | null;
}

/**
 * Each directory reads from the account when LP_ACCOUNT_ID, LP_ACCESS_TOKEN and its own service host are
 * set: the Functions (faasUI) and KnowledgeAI hosts are not the Account Config host of LP_DOMAIN.
 */
export function livePersonDirectoriesFrom(env: NodeJS.ProcessEnv): LivePersonDirectories {
  const { LP_ACCOUNT_ID: accountId, LP_ACCESS_TOKEN: accessToken } = env;
  const service = (domain: string | undefined): LivePersonService | null => {
    if (!accountId || !accessToken || !domain?.trim()) return null;
    if (!/^[a-zA-Z0-9_]{1,20}$/.test(accountId)) throw new Error('LP_ACCOUNT_ID must be 1–20 letters, digits or underscores.');
    return { accountId, accessToken, domain: domain.trim() };
  };
  return { functions: service(env.LP_FUNCTIONS_DOMAIN), knowledgeBases: service(env.LP_KNOWLEDGEAI_DOMAIN) };
}

export const NO_LIVEPERSON_DIRECTORIES: LivePersonDirectories = { functions: null, knowledgeBases: null };
