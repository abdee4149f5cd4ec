import { useNavigate, useParams } from 'react-router';
import { notify } from '../../../lib/notify';
import type { IntegrationSummary } from '../../../../domain/integration';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { SKIP_UNSAVED_GUARD } from '../../../components/unsaved-changes-guard';
import { errorMessage } from '../../../lib/api-client';
import { useDeleteIntegration } from '../api/delete-integration';

interface DeleteIntegrationDialogProps {
  botId: string;
  integration: IntegrationSummary | null;
  onClose: () => void;
}

export function DeleteIntegrationDialog({ botId, integration, onClose }: DeleteIntegrationDialogProps) {
  const mutation = useDeleteIntegration(botId);
  const navigate = useNavigate();
  const { integrationId } = useParams();
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={integration !== null}
      onOpenChange={(open) => !open && close()}
      title={`Delete ${integration?.name ?? 'integration'}?`}
      description={
        <>
          <p>
            Integration interactions that refer to <strong>{integration?.name}</strong> will break: check your dialogs
            first. Deleting affects only this bot.
          </p>
          <p>This cannot be undone.</p>
        </>
      }
      confirmLabel="Delete"
      danger
      pending={mutation.isPending}
      error={mutation.error ? errorMessage(mutation.error) : null}
      onConfirm={() => {
        if (!integration) return;
        mutation.mutate(integration, {
          onSuccess: () => {
            notify('success', `Deleted ${integration.name}`);
            close();
            if (integrationId === integration.id) {
              void navigate(`/bots/${botId}/integrations`, { replace: true, state: SKIP_UNSAVED_GUARD });
            }
          },
        });
      }}
    />
  );
}
