import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';

/** Which form a draft belongs to, and the stored version its edits started from (0 for a new integration). */
export interface DraftKey {
  botId: string;
  /** "new" for the Add Integration form. */
  integrationId: string;
  baseVersion: number;
}

export interface Draft<Values = unknown> {
  key: DraftKey;
  values: Values;
  /** Epoch milliseconds of the last write. */
  savedAt: number;
}

/** Where drafts live: IndexedDB in the browser, memory in unit tests (happy-dom has no IndexedDB). */
interface DraftStore {
  put(draft: Draft): Promise<void>;
  /** The most recently written draft of one form, whatever version it started from. */
  latest(botId: string, integrationId: string): Promise<Draft | null>;
  /** Every draft of one form: after a save or a discard none of them is worth offering. */
  removeAll(botId: string, integrationId: string): Promise<void>;
}

type StoredKey = [botId: string, integrationId: string, baseVersion: number];

const storedKey = (key: DraftKey): StoredKey => [key.botId, key.integrationId, key.baseVersion];

function isStoredKey(key: IDBValidKey): key is StoredKey {
  return Array.isArray(key) && key.length === 3 && typeof key[0] === 'string' && typeof key[1] === 'string';
}

const sameForm = (key: StoredKey, botId: string, integrationId: string) => key[0] === botId && key[1] === integrationId;

function newest(drafts: (Draft | undefined)[]): Draft | null {
  let best: Draft | null = null;
  for (const draft of drafts) if (draft && (!best || draft.savedAt > best.savedAt)) best = draft;
  return best;
}

function indexedDbDraftStore(database = 'integrations-panel', storeName = 'drafts'): DraftStore {
  let store: UseStore | null = null;
  // Opened on first use: a page that never edits never opens the database.
  const db = () => (store ??= createStore(database, storeName));
  const formKeys = async (botId: string, integrationId: string) =>
    (await keys(db())).filter(isStoredKey).filter((key) => sameForm(key, botId, integrationId));
  return {
    put: (draft) => set(storedKey(draft.key), draft, db()),
    async latest(botId, integrationId) {
      const found = await formKeys(botId, integrationId);
      return newest(await Promise.all(found.map((key) => get<Draft>(key, db()))));
    },
    async removeAll(botId, integrationId) {
      const found = await formKeys(botId, integrationId);
      await Promise.all(found.map((key) => del(key, db())));
    },
  };
}

export function memoryDraftStore(): DraftStore {
  const drafts = new Map<string, Draft>();
  const id = (key: DraftKey) => JSON.stringify(storedKey(key));
  const ofForm = (botId: string, integrationId: string) =>
    [...drafts.values()].filter((draft) => draft.key.botId === botId && draft.key.integrationId === integrationId);
  return {
    put: async (draft) => {
      // A copy, as IndexedDB's structured clone would: later edits of the form must not change it.
      drafts.set(id(draft.key), structuredClone(draft));
    },
    latest: async (botId, integrationId) => newest(ofForm(botId, integrationId)),
    removeAll: async (botId, integrationId) => {
      for (const draft of ofForm(botId, integrationId)) drafts.delete(id(draft.key));
    },
  };
}

let current: DraftStore | null = null;

/** The app's draft store. */
export function draftStore(): DraftStore {
  current ??= typeof indexedDB === 'undefined' ? memoryDraftStore() : indexedDbDraftStore();
  return current;
}

/** For tests: a store of their own. */
export function replaceDraftStore(store: DraftStore | null): void {
  current = store;
}
