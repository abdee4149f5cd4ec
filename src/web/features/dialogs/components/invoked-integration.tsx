import { Link } from '../../../lib/history-router';
import type { InteractionView } from '../../../../domain/dialogs';
import { paths } from '../../../../domain/screen-routes';

/** What the integration interaction invokes: a link to its form, or the name the bot no longer has. */
export function InvokedIntegration({ interaction, botId }: { interaction: InteractionView; botId: string }) {
  if (interaction.integrationName === undefined) return null;
  if (!interaction.integrationId) {
    return <p className="flow-node__invokes flow-node__missing">Invokes {interaction.integrationName}, which this bot does not have</p>;
  }
  return (
    <p className="flow-node__invokes">
      Invokes{' '}
      <Link className="nodrag nopan" to={paths.integration(botId, interaction.integrationId)}>
        {interaction.integrationName}
      </Link>
    </p>
  );
}
