/**
 * The ADMIN_TOKEN the user entered, kept in sessionStorage: it lasts as long as the tab (reloads
 * included) and is never written where another tab or a later visit could read it.
 */
const STORAGE_KEY = 'integrations-panel:admin-token';

function storedAdminToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the token is asked for again after a reload
  }
}

function storeAdminToken(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: kept in memory for this page only.
    memoryToken = token;
  }
}

let memoryToken: string | null = null;

export function currentAdminToken(): string | null {
  return storedAdminToken() ?? memoryToken;
}

export interface TokenQuestion {
  /** The server's answer to the last token sent; null when none was sent yet. */
  rejection: string | null;
  /**
   * Where to sign in, when the server has people (AUTH=accounts|oidc): the answer is then '' once signed
   * in, and the session cookie carries the requests sent again.
   */
  signIn?: string;
  /**
   * AUTH=oidc: the identity provider's name, and the server's address that sends the browser there (a GET
   * answered 302; `returnTo` says where to come back).
   */
  signInWith?: { name: string; url: string };
}

/** A question on screen: the dialog calls `answer` with the token the user typed. */
export interface OpenTokenQuestion extends TokenQuestion {
  answer: (token: string) => void;
}

type Asker = (question: TokenQuestion) => Promise<string>;

let asker: Asker | null = null;
let pending: Promise<string> | null = null;

/** The dialog registers itself here; without it a 401 is reported like any other error. */
export function setAdminTokenAsker(next: Asker | null): void {
  asker = next;
}

/** Asks the user once for every request waiting on a token, stores the answer for the tab. */
export function askForAdminToken(question: TokenQuestion): Promise<string> | null {
  if (!asker) return null;
  pending ??= asker(question)
    .then((token) => {
      if (token) storeAdminToken(token);
      return token;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}
