import { ActivityPage } from '../../features/people/components/activity-page';

export function Component() {
  return <ActivityPage />;
}
