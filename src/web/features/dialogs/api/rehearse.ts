import { useMutation } from '@tanstack/react-query';
import type { Rehearsal, RehearsalRequest } from '../../../../domain/rehearsal';
import { apiRequest } from '../../../lib/api-client';

async function rehearse(botId: string, input: RehearsalRequest): Promise<Rehearsal> {
  return (await apiRequest<Rehearsal>(`/api/bots/${encodeURIComponent(botId)}/rehearsals`, { method: 'POST', body: input })).data;
}

/** A rehearsal is replayed from the first message each time: the server keeps no conversation. */
export const useRehearse = (botId: string) => useMutation({ mutationFn: (input: RehearsalRequest) => rehearse(botId, input) });
