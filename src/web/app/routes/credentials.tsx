import { credentialsDirectory } from '../../../domain/directories/credentials';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return <DirectoryPage directory={credentialsDirectory} />;
}
