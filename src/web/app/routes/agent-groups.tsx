import { agentGroupsDirectory } from '../../../domain/directories/agent-groups';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return <DirectoryPage directory={agentGroupsDirectory} />;
}
