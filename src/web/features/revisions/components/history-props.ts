import type { Integration } from '../../../../domain/integration';

/** What the History drawer needs from the screen that hosts it (the integration edit route). */
export interface HistoryHostProps {
  botId: string;
  /** The integration as last loaded or saved: the "current version" of every diff. */
  integration: Integration;
  /** The form has edits that a restore would replace. */
  isDirty: boolean;
  /** Shows a stored integration in the form (after a restore, or to catch up after a 412). */
  onLoaded: (integration: Integration) => void;
  /** Fetches the latest saved version and shows it (after a 412). */
  reloadLatest: () => Promise<void>;
  /** Configures Monaco from the bundle; the diff editor mounts only after it resolved. */
  loadMonaco: () => Promise<unknown>;
}
