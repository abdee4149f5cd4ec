import type { IntegrationSummary } from '../../../../../domain/integration';
import { useDeleteIntegration } from '../../api/delete-integration';
import { useUsages } from '../../api/get-usages';
import { UsageItem } from '../usages/usages-section';

/**
 * The delete of an integration with its usages: the confirmation lists them, and a confirmed delete
 * of a used integration is sent with ?force=true (the user has seen what breaks). Delete waits until
 * the usages are known.
 */
export function useDeleteWithUsages(botId: string, integration: IntegrationSummary | null) {
  const mutation = useDeleteIntegration(botId);
  const usages = useUsages(botId, integration?.id ?? null, integration !== null);
  const found = usages.data ?? [];
  const forced = {
    mutate: (item: IntegrationSummary, options: { onSuccess: () => void }) =>
      mutation.mutate({ ...item, force: found.length > 0 }, options),
    reset: mutation.reset,
    isPending: mutation.isPending || (integration !== null && usages.isPending),
    error: mutation.error ?? (usages.isError ? usages.error : null),
  };
  const list =
    found.length > 0 ? (
      <>
        <p>
          <strong>
            Used in {found.length} place{found.length === 1 ? '' : 's'}
          </strong>{' '}
          that will break:
        </p>
        <ul className="usages__list" aria-label="Where it is used">
          {found.map((usage, index) => (
            <UsageItem key={index} botId={botId} usage={usage} />
          ))}
        </ul>
      </>
    ) : usages.isPending && integration ? (
      <p role="status">Looking for the dialogs that use it…</p>
    ) : (
      <p>No dialog of this bot uses it.</p>
    );
  return { mutation: forced, usagesList: list };
}
