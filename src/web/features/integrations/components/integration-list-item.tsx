import { DropdownMenu } from 'radix-ui';
import { NavLink } from 'react-router';
import type { IntegrationSummary } from '../../../../domain/integration';
import { TypeBadge } from './type-badge';
import { paths } from '../../../../domain/screen-routes';

interface IntegrationListItemProps {
  botId: string;
  integration: IntegrationSummary;
  onDelete: (integration: IntegrationSummary) => void;
}

export function IntegrationListItem({ botId, integration, onDelete }: IntegrationListItemProps) {
  return (
    <div className="integration-item" data-testid="integration-item">
      <NavLink
        to={paths.integration(botId, integration.id)}
        className={({ isActive }) => (isActive ? 'integration-item__link is-active' : 'integration-item__link')}
      >
        <span className="integration-item__name">{integration.name}</span>
        <TypeBadge type={integration.type} />
      </NavLink>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="button button--icon integration-item__menu" aria-label={`Actions for ${integration.name}`}>
          <span aria-hidden="true">⋯</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu__item menu__item--danger" onSelect={() => onDelete(integration)}>
              Delete Integration
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
