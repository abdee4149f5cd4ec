import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Skill } from '../../../../domain/skill';
import { apiRequest } from '../../../lib/api-client';
import { skillKeys } from './skill-keys';

/** Renames a skill; the id is LiveEngage's and never changes. Skills have no versions, so no If-Match. */
export async function renameSkill(id: number, name: string): Promise<Skill> {
  return (await apiRequest<Skill>(`/api/skills/${id}`, { method: 'PATCH', body: { name } })).data;
}

export function useRenameSkill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: number; name: string }) => renameSkill(id, name),
    onSuccess: () => client.invalidateQueries({ queryKey: skillKeys.all }),
  });
}
