import { useScreenSettled } from '../../components/use-screen-settled';
import type { ResourceDirectories } from '../../features/integrations/components/directory-pickers/resource-directories-context';
import type { SkillDirectory } from '../../features/integrations/components/directory-pickers/skill-directory-context';
import { useResourceDirectoriesQuery } from './use-resource-directories-query';
import { useSkillDirectoryQuery } from './use-skill-directory-query';

/**
 * The directories the integration form suggests from and checks ids against, asked for once the form
 * has shown (not behind the editor): the form takes input without them. Asked for at once, their four
 * requests would start in the effects of the form's first commit, which react-hook-form's re-render on
 * mount runs before the browser draws it.
 */
export function useFormDirectories(): { skillDirectory: SkillDirectory; directories: ResourceDirectories } {
  const wanted = useScreenSettled(false, { behindHolds: false });
  return { skillDirectory: useSkillDirectoryQuery(wanted), directories: useResourceDirectoriesQuery(wanted) };
}
