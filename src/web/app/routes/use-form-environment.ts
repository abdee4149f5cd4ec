import { useBot } from '../../features/bots/api/get-bot';
import { useEnvironments } from '../../features/environments/api/environments-api';
import type { FormEnvironment } from '../../features/integrations/components/environment/form-environment';

/** The bot's environment for the integration form, composed here because features do not import each other. */
export function useFormEnvironmentOf(botId: string): FormEnvironment | null | undefined {
  const bot = useBot(botId);
  const environments = useEnvironments();
  if (!bot.data) return undefined;
  if (!bot.data.environmentId) return null;
  const found = environments.data?.find((environment) => environment.id === bot.data.environmentId);
  return found ? { name: found.name, variables: found.variables } : undefined;
}
