import { InvitePage } from '../../features/people/components/invite-page';

export function Component() {
  return <InvitePage />;
}
