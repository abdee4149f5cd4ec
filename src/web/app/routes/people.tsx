import { PeoplePage } from '../../features/people/components/people-page';

export function Component() {
  return <PeoplePage />;
}
