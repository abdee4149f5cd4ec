import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { skillsQueryOptions } from '../../features/skills/api/get-skills';
import type { SkillDirectory } from '../../features/integrations/components/directory-pickers/skill-directory-context';

/**
 * The skills feature's directory in the shape the integration form checks against (ids as text,
 * as the form holds them). Composed here because features do not import each other. Not fetched until
 * `enabled` (see useFormDirectories).
 */
export function useSkillDirectoryQuery(enabled: boolean): SkillDirectory {
  const query = useQuery({ ...skillsQueryOptions(), enabled });
  const items = query.data?.items;
  const skills = useMemo(() => items?.map((skill) => ({ id: String(skill.id), name: skill.name })), [items]);
  return useMemo(() => ({ skills, isError: query.isError }), [skills, query.isError]);
}
