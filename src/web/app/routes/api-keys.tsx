import { ApiKeysPage } from '../../features/people/components/api-keys-page';

export function Component() {
  return <ApiKeysPage />;
}
