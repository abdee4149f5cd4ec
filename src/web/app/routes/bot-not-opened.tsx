import { Link } from '../../lib/history-router';
import { paths } from '../../../domain/screen-routes';
import { ErrorState } from '../../components/states';

/** What each tab of a bot shows when the bot cannot be read: in words when it does not exist, else with Retry. */
export function BotNotOpened({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="page">
      <ErrorState
        title="Could not open this bot"
        error={error}
        onRetry={onRetry}
        missing={{
          title: 'This bot does not exist',
          detail: 'No bot has this address: it was deleted, or the link is wrong.',
        }}
      />
      <p>
        <Link to={paths.bots()}>Back to the bots</Link>
      </p>
    </div>
  );
}
