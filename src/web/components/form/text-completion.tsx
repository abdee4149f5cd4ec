import { createContext, useContext, type ReactNode } from 'react';

/**
 * The id of a `<datalist>` whose options one-line text fields offer as the user types (the integration
 * form offers `{$env.NAME}` for the bot's environment). The feature that knows the options renders the list.
 */
const TextCompletionContext = createContext<string | undefined>(undefined);

export function TextCompletionProvider({ listId, children }: { listId: string | undefined; children: ReactNode }) {
  return <TextCompletionContext.Provider value={listId}>{children}</TextCompletionContext.Provider>;
}

export const useTextCompletion = () => useContext(TextCompletionContext);
