import { useCan } from '../../lib/me';
import { BotsList } from '../../features/bots/components/bots-list';
import { CreateBotFormSlot } from '../../features/bots/components/create-bot-form-slot';
import { ImportBotButton } from '../../features/bots/components/import-bot-button';

export function Component() {
  // Importing and creating bots is a builder's: a viewer is not offered them.
  const canWrite = useCan('builder');
  return (
    <div className="page page--narrow page--bots">
      <title>Bots · Integrations Panel</title>
      <div className="page__header page__header--actions">
        <div>
          <h1>Bots</h1>
          <p className="page__lead">Pick a bot to configure its integrations.</p>
        </div>
        {canWrite ? <ImportBotButton /> : null}
      </div>
      {canWrite ? <CreateBotFormSlot /> : null}
      <BotsList />
    </div>
  );
}
