import { useNavigate, useParams } from '../../../../lib/history-router';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { ConfirmDeleteDialog } from '../../../../components/confirm-delete-dialog';
import { SKIP_UNSAVED_GUARD } from '../../../../components/unsaved-changes-guard';
import { useDeleteWithUsages } from './delete-usages';
import { paths } from '../../../../../domain/screen-routes';

interface DeleteIntegrationDialogProps {
  botId: string;
  integration: IntegrationSummary | null;
  onClose: () => void;
}

export function DeleteIntegrationDialog({ botId, integration, onClose }: DeleteIntegrationDialogProps) {
  const { mutation, usagesList } = useDeleteWithUsages(botId, integration);
  const navigate = useNavigate();
  const { integrationId } = useParams();
  return (
    <ConfirmDeleteDialog
      item={integration}
      noun="integration"
      description={
        <>
          {usagesList}
          <p>Deleting affects only this bot.</p>
          <p>This cannot be undone.</p>
        </>
      }
      mutation={mutation}
      onClose={onClose}
      onDeleted={(deleted) => {
        // The open form of a deleted integration has nothing left to show.
        if (integrationId === deleted.id) {
          void navigate(paths.integrations(botId), { replace: true, state: SKIP_UNSAVED_GUARD });
        }
      }}
    />
  );
}
