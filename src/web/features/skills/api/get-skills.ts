import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Skill } from '../../../../domain/skill';
import { apiRequest } from '../../../lib/api-client';
import { skillKeys } from './skill-keys';

export interface SkillDirectoryPage {
  items: Skill[];
  /** liveengage: read from Conversational Cloud's Account Config API (once called LiveEngage), so it cannot be changed here. */
  source: 'local' | 'liveengage';
}

export async function getSkills(q: string, signal?: AbortSignal): Promise<SkillDirectoryPage> {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return (await apiRequest<SkillDirectoryPage>(`/api/skills${query}`, { signal })).data;
}

/** The whole directory without q: what the integration form checks skill ids against. */
export const skillsQueryOptions = (q = '') =>
  queryOptions({ queryKey: skillKeys.list(q.trim()), queryFn: ({ signal }) => getSkills(q, signal) });

// Keeps the previous rows on screen while a new search loads, so the table does not flash.
export const useSkills = (q = '') => useQuery({ ...skillsQueryOptions(q), placeholderData: keepPreviousData });
