import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Skill } from '../../../../domain/skill';
import { apiRequest } from '../../../lib/api-client';
import { skillKeys } from './skill-keys';

/** Renames a skill; the id is Conversational Cloud's and never changes. Skills have no versions, so no If-Match. */
export async function renameSkill(id: string, name: string): Promise<Skill> {
  return (await apiRequest<Skill>(`/api/skills/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } })).data;
}

export function useRenameSkill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameSkill(id, name),
    onSuccess: () => client.invalidateQueries({ queryKey: skillKeys.all }),
  });
}
