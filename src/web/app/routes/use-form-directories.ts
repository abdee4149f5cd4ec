import { useQueries } from '@tanstack/react-query';
import { DIRECTORIES } from '../../../domain/directories';
import type { DirectoryPage } from '../../../domain/directories/directory-usage';
import { useScreenSettled } from '../../components/use-screen-settled';
import { directoryQueryOptions } from '../../features/directories/api/directory-api';
import type { FormDirectories } from '../../components/directory-pickers/directories-context';

/**
 * Every directory the integration form suggests from and checks ids against, composed here because
 * features do not import each other. Asked for once the form has shown (not behind the editor): the form
 * takes input without them. Asked for at once, their requests would start in the effects of the form's
 * first commit, which react-hook-form's re-render on mount runs before the browser draws it.
 */
// Module-level, so React Query keeps its result while no list changes (structural sharing): the pickers re-render only when one does.
const byKind = (results: ReadonlyArray<{ data?: DirectoryPage; isError: boolean }>): FormDirectories =>
  Object.fromEntries(
    DIRECTORIES.map((directory, index) => [directory.kind, { items: results[index]!.data?.items, isError: results[index]!.isError }]),
  ) as FormDirectories;

export function useFormDirectories(): FormDirectories {
  const enabled = useScreenSettled(false, { behindHolds: false });
  return useQueries({ queries: DIRECTORIES.map((directory) => ({ ...directoryQueryOptions(directory.path), enabled })), combine: byKind });
}
