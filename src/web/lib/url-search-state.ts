import { useSearchParams } from './history-router';

/**
 * A list's state kept in the address (`?q=`), so a link to it or Back returns to the same list. Typing
 * replaces the entry rather than pushing one per keystroke; an empty value leaves the parameter out.
 */
export function useUrlSearchState(key: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? '';
  const set = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set(key, next);
        else updated.delete(key);
        return updated;
      },
      { replace: true },
    );
  return [value, set];
}
