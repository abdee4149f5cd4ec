/** A test run as JUnit XML, the report CI systems (Jenkins, GitLab, GitHub actions' reporters) read. */
import junitReportBuilder from 'junit-report-builder';
import type { TestRun } from '../../domain/test-cases';

export function toJunit(run: TestRun, botName: string): string {
  const builder = junitReportBuilder.newBuilder();
  const suite = builder.testSuite().name(botName).timestamp(run.at).property('runId', run.id);
  for (const result of run.results) {
    const testCase = suite
      .testCase()
      .className(result.integrationId)
      .name(result.name)
      .time(result.durationMs / 1000);
    const detail = result.failures.map(
      (failure) => `${failure.path}: expected ${JSON.stringify(failure.expected)}, got ${JSON.stringify(failure.actual)}`,
    );
    const message = detail.join('; ') || result.status;
    if (result.status === 'failed') testCase.failure(message, 'ExpectationFailed');
    if (result.status === 'error') testCase.error(message, 'RunError');
  }
  return builder.build();
}
