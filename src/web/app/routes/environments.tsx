import { EnvironmentsPage } from '../../features/environments/components/environments-page';

export function Component() {
  return <EnvironmentsPage />;
}
