import { hasRealExports, REAL_EXPORTS_DIR } from '../cb-export/testing/sample-exports';

/** Once per run: one line for each optional part of the suite that this machine cannot run, and how to enable it. */
export default function announceSkippedParts(): void {
  if (!process.env.TEST_DATABASE_URL) {
    console.log(
      'PostgreSQL: TEST_DATABASE_URL is not set, so the API suites run on the embedded database and report their PostgreSQL runs as skipped. To run them: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test',
    );
  }
  if (!hasRealExports) {
    console.log(
      `Real Conversation Builder exports: ${REAL_EXPORTS_DIR} is not there, so the tests on them report themselves skipped (the project's own exports still run).`,
    );
  }
}
