import { EmptyState } from '../../components/states';

export function Component() {
  return (
    <EmptyState title="Select an integration on the left, or add one.">
      <p>Integrations let your bot call APIs, send e-mail, search knowledge bases and transfer to a live agent.</p>
    </EmptyState>
  );
}
