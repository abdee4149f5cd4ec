import type { ReferenceChange, RenameInput } from '../../../../domain/dialogs';
import type { Integration } from '../../../../domain/integration';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { integrationPath } from './integration-path';

interface RenameResult {
  integration: Integration;
  changes: ReferenceChange[];
}

/** Renames and rewrites every reference in one save; `dryRun` answers the same changes and stores nothing. */
export async function renameIntegration(
  botId: string,
  id: string,
  version: number,
  input: RenameInput,
  dryRun: boolean,
): Promise<RenameResult> {
  const path = `${integrationPath(botId, id)}/rename${dryRun ? '?dryRun=true' : ''}`;
  return (await apiRequest<RenameResult>(path, { method: 'POST', body: input, ifMatch: etagOf(version) })).data;
}
