import { useDeferredValue, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Link } from '../../../../lib/history-router';
import type { Usage } from '../../../../../domain/dialogs';
import type { Integration } from '../../../../../domain/integration';
import { useUsages } from '../../api/get-usages';
import type { FormValues } from '../form/form-values';
import { fieldKeysIn, placeOf, usageKindWords, usageLink } from './usage-place';
import './usages.css';

interface UsagesSectionProps {
  botId: string;
  integration: Integration;
}

export function UsageItem({ botId, usage }: { botId: string; usage: Usage }) {
  const link = usageLink(botId, usage);
  const place = placeOf(usage);
  return (
    <li className="usages__item">
      {link ? <Link to={link}>{place}</Link> : place}: {usageKindWords(usage)} <code className="usages__excerpt">{usage.excerpt}</code>
    </li>
  );
}

/**
 * Custom data field keys the stored integration has, that dialogs show as `{Name.key}`, and that the
 * form no longer has (removed, or renamed): the dialogs would show nothing there.
 */
function FieldKeyWarnings({ integration, usages }: { integration: Integration; usages: Usage[] }) {
  const { control } = useFormContext<FormValues>();
  // Judged after the keystroke's frame: a key typed in one row is checked against every row.
  const fields = useDeferredValue(useWatch({ control, name: 'customDataFields' }) as { key: string }[] | undefined);
  const warnings = useMemo(() => {
    const keys = new Set((fields ?? []).map((field) => field.key));
    const gone = integration.customDataFields.map((field) => field.key).filter((key) => !keys.has(key));
    return [...new Set(gone)].flatMap((key) => {
      const readers = usages.filter((usage) => fieldKeysIn(usage, integration.name).includes(key));
      return readers.length > 0 ? [{ key, readers }] : [];
    });
  }, [fields, integration, usages]);
  return (
    <div role="status" data-testid="field-key-warnings">
      {warnings.map(({ key, readers }) => (
        <div key={key} className="usages__warning">
          <p>
            Dialogs show <code>{`{${integration.name}.${key}}`}</code>, and this form no longer has the key <strong>{key}</strong>. After
            saving they would show nothing there:
          </p>
          <ul>
            {readers.map((usage, index) => (
              <li key={index}>
                {placeOf(usage)}: <code className="usages__excerpt">{usage.excerpt}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** "Used in N places": where the bot's dialogs and other integrations use this one, each a link to its node. */
export function UsagesSection({ botId, integration }: UsagesSectionProps) {
  const usages = useUsages(botId, integration.id);
  const items = usages.data ?? [];
  return (
    <section className="form-section usages" aria-labelledby="usages-title">
      <FieldKeyWarnings integration={integration} usages={items} />
      <h3 id="usages-title" className="usages__title">
        {usages.isPending
          ? 'Where it is used…'
          : usages.isError
            ? 'Where it is used'
            : `Used in ${items.length} place${items.length === 1 ? '' : 's'}`}
      </h3>
      {usages.isError ? (
        <p>
          Could not read the dialogs.{' '}
          <button type="button" className="button button--link" onClick={() => void usages.refetch()}>
            Retry
          </button>
        </p>
      ) : null}
      {usages.isSuccess && items.length === 0 ? (
        <p className="usages__help">No dialog or other integration of this bot refers to it.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="usages__list" aria-labelledby="usages-title">
          {items.map((usage, index) => (
            <UsageItem key={index} botId={botId} usage={usage} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
