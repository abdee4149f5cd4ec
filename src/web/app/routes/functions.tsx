import { functionsDirectory } from '../../../domain/directories/functions';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return <DirectoryPage directory={functionsDirectory} />;
}
