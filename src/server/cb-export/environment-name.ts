import { environmentInputSchema } from '../../domain/environments';

/** Where a file (CB or native) names the bot's environment: `bot.environmentName`. */
export const ENVIRONMENT_NAME_KEY = 'environmentName';

/** The environment a file names for its bot, when it is a name an environment may have; null otherwise. */
export function environmentNameIn(file: unknown): string | null {
  const bot = file && typeof file === 'object' ? (file as { bot?: unknown }).bot : undefined;
  const value = bot && typeof bot === 'object' ? (bot as Record<string, unknown>)[ENVIRONMENT_NAME_KEY] : undefined;
  if (typeof value !== 'string') return null;
  const parsed = environmentInputSchema.shape.name.safeParse(value);
  return parsed.success ? parsed.data : null;
}
