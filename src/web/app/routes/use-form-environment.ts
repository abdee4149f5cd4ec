import { useBot } from '../../features/bots/api/get-bot';
import { useEnvironments } from '../../features/environments/api/environments-api';
import type { EnvironmentChoice, FormEnvironment } from '../../features/integrations/components/environment/form-environment';

const NO_CHOICES: readonly EnvironmentChoice[] = [];

/** The bot's environment for the integration form, and the others it may run with, composed here because features do not import each other. */
export function useFormEnvironmentOf(botId: string): { value: FormEnvironment | null | undefined; choices: readonly EnvironmentChoice[] } {
  const bot = useBot(botId);
  const environments = useEnvironments();
  const choices = environments.data ?? NO_CHOICES;
  if (!bot.data) return { value: undefined, choices };
  if (!bot.data.environmentId) return { value: null, choices };
  return { value: choices.find((environment) => environment.id === bot.data.environmentId), choices };
}
