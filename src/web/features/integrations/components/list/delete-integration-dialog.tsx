import { useNavigate, useParams } from '../../../../lib/history-router';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { ConfirmDeleteDialog } from '../../../../components/confirm-delete-dialog';
import { SKIP_UNSAVED_GUARD } from '../../../../components/unsaved-changes-guard';
import { useDeleteWithUsages } from './delete-usages';
import { useRestoreDeletedIntegration } from '../../api/deleted-integrations';
import { paths } from '../../../../../domain/screen-routes';

interface DeleteIntegrationDialogProps {
  botId: string;
  integration: IntegrationSummary | null;
  onClose: () => void;
}

export function DeleteIntegrationDialog({ botId, integration, onClose }: DeleteIntegrationDialogProps) {
  const { mutation, usagesList } = useDeleteWithUsages(botId, integration);
  const restore = useRestoreDeletedIntegration(botId);
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
          <p>Undo it from the message that follows, or restore it later from the list of recently deleted integrations.</p>
        </>
      }
      mutation={mutation}
      onClose={onClose}
      // The deletion is a revision one version after the last save: restoring that save brings it back as it was.
      undo={(deleted) => restore.mutateAsync({ id: deleted.id, restoreVersion: deleted.version, deletedVersion: deleted.version + 1 })}
      onDeleted={(deleted) => {
        // The open form of a deleted integration has nothing left to show.
        if (integrationId === deleted.id) {
          void navigate(paths.integrations(botId), { replace: true, state: SKIP_UNSAVED_GUARD });
        }
      }}
    />
  );
}
