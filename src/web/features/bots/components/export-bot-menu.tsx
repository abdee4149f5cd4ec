import { DropdownMenu } from 'radix-ui';
import type { Bot } from '../../../../domain/bot';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import { useExportBot, type ExportFormat } from '../api/export-bot';

const CHOICES: { format: ExportFormat; label: string }[] = [
  { format: 'cb', label: 'Export for Conversation Builder' },
  { format: 'native', label: 'Export (native JSON)' },
];

/** Downloads the bot as a CB export or as the panel's own JSON. */
export function ExportBotMenu({ bot, small = false }: { bot: Pick<Bot, 'id' | 'name'>; small?: boolean }) {
  const exporting = useExportBot();
  const run = (format: ExportFormat) =>
    exporting.mutate(
      { bot, format },
      {
        onSuccess: (fileName) => notify('success', `Downloaded ${fileName}`),
        onError: (error) => notify('error', `Could not export ${bot.name}: ${errorMessage(error)}`),
      },
    );
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className={small ? 'button button--small' : 'button'}
        aria-label={`Export ${bot.name}`}
        disabled={exporting.isPending}
      >
        {exporting.isPending ? 'Exporting…' : 'Export'} <span aria-hidden="true">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          {CHOICES.map((choice) => (
            <DropdownMenu.Item key={choice.format} className="menu__item" onSelect={() => run(choice.format)}>
              {choice.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
