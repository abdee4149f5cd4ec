import { INTEGRATION_TYPE_DESCRIPTOR, type IntegrationType } from '../../../../domain/integration-types';

/** Styled by `.badge--<type in lower case>` (panel.css). */
export function TypeBadge({ type }: { type: IntegrationType }) {
  const { displayName, badge } = INTEGRATION_TYPE_DESCRIPTOR[type];
  return (
    <span className={`badge badge--${type.toLowerCase()}`} title={displayName}>
      {badge}
    </span>
  );
}
