import type { DraftOffer } from './use-integration-draft';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface DraftOfferBannerProps {
  offer: DraftOffer;
  onRestore: () => void;
  onDiscard: () => void;
}

/** Unsaved edits found in this browser for the form just opened: the user restores or discards them. */
export function DraftOfferBanner({ offer, onRestore, onDiscard }: DraftOfferBannerProps) {
  const when = timeFormat.format(offer.savedAt);
  const count = offer.fields.length;
  return (
    <section className="draft-offer" aria-labelledby="draft-offer-title" data-testid="draft-offer">
      <p id="draft-offer-title" className="draft-offer__title">
        Unsaved changes from {when} are kept in this browser.
      </p>
      {count > 0 ? (
        <p>
          {count === 1 ? '1 field differs' : `${count} fields differ`} from the stored version: {offer.fields.join(', ')}.
        </p>
      ) : null}
      {offer.stale ? (
        <p>
          They started from an older version: someone has saved this integration since. After restoring, Save asks whether to overwrite that
          version.
        </p>
      ) : null}
      <div className="draft-offer__actions">
        <button type="button" className="button button--primary" onClick={onRestore}>
          Restore unsaved changes from {when}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
