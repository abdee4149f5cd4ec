import type { IntegrationType } from '../../../../../domain/integration-types';
import { INTEGRATION_TYPE_NAMES } from '../../../../../domain/integration-types/type-names';

/** Styled by `.badge--<type in lower case>` (panel.css). Its names come without the type's schemas: the list shows badges before zod loads. */
export function TypeBadge({ type }: { type: IntegrationType }) {
  const { displayName, badge } = INTEGRATION_TYPE_NAMES[type];
  return (
    <span className={`badge badge--${type.toLowerCase()}`} title={displayName}>
      {badge}
    </span>
  );
}
