/**
 * Something wrong with the data directory that the operator must fix (held by another server, damaged files).
 * The message is one line that says what is wrong and what to do; main.ts prints it alone, without a stack.
 */
export class DataDirProblem extends Error {
  override name = 'DataDirProblem';
}
