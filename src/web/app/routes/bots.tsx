import { BotsList } from '../../features/bots/components/bots-list';
import { CreateBotForm } from '../../features/bots/components/create-bot-form';

export function Component() {
  return (
    <div className="page page--narrow">
      <title>Bots · Integrations Panel</title>
      <div className="page__header">
        <h1>Bots</h1>
        <p className="page__lead">Pick a bot to configure its integrations.</p>
      </div>
      <CreateBotForm />
      <BotsList />
    </div>
  );
}
