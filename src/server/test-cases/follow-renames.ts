/**
 * Keeps test cases pointing at what they test when it is renamed: the `api_<variable>` (and `…Status`)
 * bot variables of a renamed integration, and the custom data keys a save renames. The expectations are
 * rewritten in the same transaction as the rename, each as a revision of the test case (`rename`), and
 * answered as changes beside the rename's other rewrites.
 */
import type { ReferenceChange } from '../../domain/dialogs';
import type { CustomDataField } from '../../domain/custom-data-fields';
import type { Integration } from '../../domain/integration';
import type { TestCase, TestCaseValues } from '../../domain/test-cases';
import type { Database } from '../db/database';
import type { TestCasesRepository } from './test-cases-repository';

type Renames = { botVariables: Map<string, string>; customData: Map<string, string> };

function renameKeys<V>(record: Record<string, V> | undefined, renames: Map<string, string>): Record<string, V> | undefined {
  if (!record) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [renames.get(key) ?? key, value]));
}

/** The test case's values with the renamed keys, and one line per key that changed (`botVariables.api_Old`). */
function renameInTestCase(values: TestCaseValues, renames: Renames): { values: TestCaseValues; before: string[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  const note = (group: string, record: Record<string, unknown> | undefined, map: Map<string, string>) => {
    for (const key of Object.keys(record ?? {})) {
      const renamed = map.get(key);
      if (renamed === undefined) continue;
      before.push(`${group}.${key}`);
      after.push(`${group}.${renamed}`);
    }
  };
  note('botVariables', values.botVariables, renames.botVariables);
  note('expect.botVariables', values.expect.botVariables, renames.botVariables);
  note('expect.customData', values.expect.customData, renames.customData);
  return {
    values: {
      ...values,
      botVariables: renameKeys(values.botVariables, renames.botVariables),
      expect: {
        ...values.expect,
        botVariables: renameKeys(values.expect.botVariables, renames.botVariables),
        customData: renameKeys(values.expect.customData, renames.customData),
      },
    },
    before,
    after,
  };
}

function valuesOf(testCase: TestCase): TestCaseValues {
  const {
    id: _id,
    botId: _botId,
    integrationId: _integrationId,
    version: _version,
    createdAt: _c,
    updatedAt: _u,
    ...values
  } = testCase as TestCase & { lastRun?: unknown };
  delete (values as { lastRun?: unknown }).lastRun;
  return values;
}

/**
 * Custom data keys a save renamed: a key gone whose expression is now under a key that is new. A key whose
 * expression changed too, or one of several with the same expression, is not taken as renamed.
 */
function renamedFieldKeys(before: readonly CustomDataField[], after: readonly CustomDataField[]): Map<string, string> {
  const oldKeys = new Set(before.map((field) => field.key));
  const newKeys = new Set(after.map((field) => field.key));
  const gone = before.filter((field) => !newKeys.has(field.key));
  const added = after.filter((field) => !oldKeys.has(field.key));
  const renames = new Map<string, string>();
  for (const field of gone) {
    const same = added.filter((candidate) => candidate.value === field.value);
    const alike = gone.filter((other) => other.value === field.value);
    if (same.length === 1 && alike.length === 1) renames.set(field.key, same[0]!.key);
  }
  return renames;
}

export function createRenameFollower(testCases: TestCasesRepository) {
  async function apply(tx: Database, integration: Integration, renames: Renames, dryRun: boolean): Promise<ReferenceChange[]> {
    if (renames.botVariables.size === 0 && renames.customData.size === 0) return [];
    const changes: ReferenceChange[] = [];
    for (const testCase of await testCases.list(integration.botId, integration.id, tx)) {
      const renamed = renameInTestCase(valuesOf(testCase), renames);
      if (renamed.before.length === 0) continue;
      changes.push({
        dialogId: null,
        dialogName: null,
        interactionId: null,
        interactionName: null,
        integrationId: integration.id,
        integrationName: `${integration.name} › ${testCase.name}`,
        where: 'testCase',
        before: renamed.before.join('\n'),
        after: renamed.after.join('\n'),
      });
      if (!dryRun) {
        const note = renamed.before.map((line, index) => `${line} → ${renamed.after[index]}`).join('\n');
        await testCases.replace(integration.botId, integration.id, testCase.id, testCase.version, renamed.values, 'rename', tx, note);
      }
    }
    return changes;
  }

  return {
    /** Called by the integration rename, inside its transaction (the dialogs feature's RenameFollower). */
    followRename(tx: Database, integration: Integration, renamed: { name: string; responseDataVariable: string }, dryRun: boolean) {
      const oldVariable = integration.responseDataVariable;
      const botVariables =
        oldVariable === renamed.responseDataVariable
          ? new Map<string, string>()
          : new Map([
              [`api_${oldVariable}`, `api_${renamed.responseDataVariable}`],
              [`api_${oldVariable}Status`, `api_${renamed.responseDataVariable}Status`],
            ]);
      return apply(tx, integration, { botVariables, customData: new Map() }, dryRun);
    },
    /**
     * Inside a save's transaction, after the integration is written (integrations' SaveFollower): the custom
     * data keys the save renamed are renamed in the test cases' expectations, each a `rename` revision whose
     * note lists the lines, under the save's version in the History.
     */
    followSave(before: Integration, after: Integration): ((tx: Database) => Promise<void>) | undefined {
      const customData = renamedFieldKeys(before.customDataFields, after.customDataFields);
      if (customData.size === 0) return undefined;
      return async (tx) => {
        await apply(tx, after, { botVariables: new Map(), customData }, false);
      };
    },
  };
}
