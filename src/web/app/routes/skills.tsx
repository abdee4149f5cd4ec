import { skillsDirectory } from '../../../domain/directories/skills';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return <DirectoryPage directory={skillsDirectory} />;
}
