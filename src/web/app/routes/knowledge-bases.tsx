import { knowledgeBasesDirectory } from '../../../domain/directories/knowledge-bases';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return <DirectoryPage directory={knowledgeBasesDirectory} />;
}
