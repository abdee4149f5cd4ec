import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Credential } from '../../../domain/directories/credential';
import type { KnowledgeBaseEntry } from '../../../domain/directories/knowledge-base';
import type { LpFunctionEntry } from '../../../domain/directories/lp-function';
import { directoryQueryOptions } from '../../features/directories/api/directory-api';
import type { ResourceDirectories } from '../../features/integrations/components/directory-pickers/resource-directories-context';

/**
 * The credential, function and knowledge base directories in the shape the integration form's pickers
 * search. Composed here because features do not import each other. Not fetched until `enabled` (see
 * useDirectoriesWanted).
 */
export function useResourceDirectoriesQuery(enabled: boolean): ResourceDirectories {
  const credentials = useQuery({ ...directoryQueryOptions<Credential>('credentials'), enabled });
  const functions = useQuery({ ...directoryQueryOptions<LpFunctionEntry>('functions'), enabled });
  const knowledgeBases = useQuery({ ...directoryQueryOptions<KnowledgeBaseEntry>('knowledge-bases'), enabled });
  const credentialItems = credentials.data?.items;
  const credentialOptions = useMemo(() => credentialItems?.map(({ id, name, type }) => ({ id, name, type })), [credentialItems]);
  return useMemo(
    () => ({
      credentials: { items: credentialOptions, isError: credentials.isError },
      functions: { items: functions.data?.items, isError: functions.isError },
      knowledgeBases: {
        items: knowledgeBases.data?.items,
        isError: knowledgeBases.isError,
      },
    }),
    [credentialOptions, credentials.isError, functions.data?.items, functions.isError, knowledgeBases.data?.items, knowledgeBases.isError],
  );
}
