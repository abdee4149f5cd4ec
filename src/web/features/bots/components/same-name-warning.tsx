import type { Bot } from '../../../../domain/bot';
import { useBots } from '../api/get-bots';
import { FieldWarning } from '../../../components/form/field-warning';
import { comparableName as comparable } from './bot-names';

/**
 * Two bots may share a name (the API allows it: Conversation Builder does too), but in a list they
 * cannot be told apart: say so while the name is typed, without blocking the save.
 */
export function SameNameWarning({ name, exceptId, id }: { name: string; exceptId?: string; id: string }) {
  const bots = useBots();
  const wanted = comparable(name);
  const twin = wanted
    ? bots.data?.pages.flatMap((page) => page.items).find((bot: Bot) => bot.id !== exceptId && comparable(bot.name) === wanted)
    : undefined;
  if (!twin) return null;
  return (
    <FieldWarning id={id} testId="warning-bot-name">
      A bot named “{twin.name}” already exists: a second one is allowed, but the two are hard to tell apart.
    </FieldWarning>
  );
}
