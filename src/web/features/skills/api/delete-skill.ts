import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Skill } from '../../../../domain/skill';
import { apiRequest } from '../../../lib/api-client';
import { skillKeys } from './skill-keys';

export async function deleteSkill(id: string): Promise<void> {
  await apiRequest<void>(`/api/skills/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteSkill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (skill: Skill) => deleteSkill(skill.id),
    onSuccess: (_, skill) => {
      // Gone at once from every cached search, then refetched.
      client.setQueriesData<{ items: Skill[] }>({ queryKey: skillKeys.all }, (data) =>
        data ? { ...data, items: data.items.filter((item) => item.id !== skill.id) } : data,
      );
      return client.invalidateQueries({ queryKey: skillKeys.all });
    },
  });
}
