import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Skill, SkillInput } from '../../../../domain/skill';
import { apiRequest } from '../../../lib/api-client';
import { skillKeys } from './skill-keys';

export async function createSkill(input: SkillInput): Promise<Skill> {
  return (await apiRequest<Skill>('/api/skills', { method: 'POST', body: input })).data;
}

export function useCreateSkill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createSkill,
    // Every search and the form's directory may now differ: refetch them all.
    onSuccess: () => client.invalidateQueries({ queryKey: skillKeys.all }),
  });
}
