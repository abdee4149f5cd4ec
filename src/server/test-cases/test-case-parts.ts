/**
 * Test cases in the native export: each integration entry carries `testCases`, its test cases' values
 * (no ids, no run status), and an import creates them with the integrations, in the same transaction.
 */
import { z } from 'zod';
import { testCaseInputSchema, type TestCaseValues } from '../../domain/test-cases';
import type { Database } from '../db/database';
import { DomainError } from '../errors';
import { checkPatterns } from './matchers';
import type { TestCasesRepository } from './test-cases-repository';

const MAX_TEST_CASES_PER_INTEGRATION = 500;
const entryParts = z.looseObject({ testCases: z.array(z.unknown()).max(MAX_TEST_CASES_PER_INTEGRATION).optional() });

export function createTestCaseParts(testCases: TestCasesRepository) {
  return {
    async exportParts(botId: string): Promise<Map<string, Record<string, unknown>>> {
      const parts = new Map<string, Record<string, unknown>>();
      for (const testCase of await testCases.forRun(botId, {})) {
        const { id: _id, botId: _bot, integrationId, version: _v, createdAt: _c, updatedAt: _u, ...values } = testCase;
        const list = (parts.get(integrationId)?.testCases as TestCaseValues[] | undefined) ?? [];
        list.push(values);
        parts.set(integrationId, { testCases: list });
      }
      return parts;
    },

    readParts(entries: readonly unknown[]) {
      const errors: Record<string, string> = {};
      const byIndex: TestCaseValues[][] = entries.map((entry, index) => {
        const parsed = entryParts.safeParse(entry);
        if (!parsed.success) {
          errors[`integrations.${index}.testCases`] = `At most ${MAX_TEST_CASES_PER_INTEGRATION} test cases, as a list.`;
          return [];
        }
        return (parsed.data.testCases ?? []).flatMap((raw, at) => {
          const path = `integrations.${index}.testCases.${at}`;
          const testCase = testCaseInputSchema.safeParse(raw);
          if (!testCase.success) {
            for (const issue of testCase.error.issues) errors[[path, ...issue.path].join('.')] ??= issue.message;
            return [];
          }
          try {
            checkPatterns(testCase.data.expect, `${path}.expect`);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            Object.assign(errors, error.errors);
            return [];
          }
          return [testCase.data];
        });
      });
      return {
        errors,
        async write(tx: Database, botId: string, integrationIds: string[]) {
          for (const [index, values] of byIndex.entries()) {
            for (const testCase of values) await testCases.create(botId, integrationIds[index]!, testCase, tx);
          }
        },
      };
    },
  };
}
