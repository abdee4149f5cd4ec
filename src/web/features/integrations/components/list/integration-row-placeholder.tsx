import { NavLink } from '../../../../lib/history-router';
import type { IntegrationSummary } from '../../../../../domain/integration';
import { paths } from '../../../../../domain/screen-routes';
import { TypeBadge } from './type-badge';

/**
 * A row of the list as it looks before its tooltip and menu (Radix) have loaded: the same link, the
 * menu's button inert. The list is usable with it; integration-list-item.tsx replaces it.
 */
export function IntegrationRowPlaceholder({ botId, integration }: { botId: string; integration: IntegrationSummary }) {
  return (
    <div className="integration-item" data-testid="integration-item">
      <NavLink to={paths.integration(botId, integration.id)} className="integration-item__link">
        <span className="integration-item__name">{integration.name}</span>
        <TypeBadge type={integration.type} />
      </NavLink>
      <button
        type="button"
        className="button button--icon integration-item__menu"
        aria-label={`Actions for ${integration.name}`}
        aria-haspopup="menu"
        disabled
      >
        <span aria-hidden="true">⋯</span>
      </button>
    </div>
  );
}
