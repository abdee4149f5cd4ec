import { useEnvironments } from '../api/environments-api';

interface BotEnvironmentPickerProps {
  environmentId: string | null;
  /** Saves the bot's choice (the app layer owns the bot's cache). */
  onChange: (environmentId: string | null) => void;
  saving: boolean;
  /** A role that may not change the bot: the environment is shown, not offered. */
  readOnly?: boolean;
}

/** The bot header's environment: what its `{$env.NAME}` references read, and a builder can change it. */
export function BotEnvironmentPicker({ environmentId, onChange, saving, readOnly = false }: BotEnvironmentPickerProps) {
  const environments = useEnvironments();
  if (readOnly) {
    const name = environments.data?.find((environment) => environment.id === environmentId)?.name;
    return (
      <p className="bot-environment" data-testid="bot-environment">
        <span className="field__label">Bot environment</span> {environmentId === null ? 'No environment' : (name ?? '…')}
      </p>
    );
  }
  return (
    <div className="bot-environment">
      {/* "Bot environment": the Test panel and the preview have an "Environment" of their own on the same page. */}
      <label htmlFor="bot-environment" className="field__label">
        Bot environment
      </label>
      <select
        id="bot-environment"
        className="select"
        value={environmentId ?? ''}
        disabled={saving || environments.isPending}
        aria-busy={saving}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">No environment</option>
        {(environments.data ?? []).map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
          </option>
        ))}
      </select>
    </div>
  );
}
