import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSimulationOutput } from '../../../../../domain/samples';
import type { SimulationError, SimulationOutput } from '../../../../../domain/simulation';
import { SimulationResults } from './simulation-results';

const output = (error: SimulationError | null): SimulationOutput => aSimulationOutput({ error });

describe('the results of a run', () => {
  // A limit the script caught, or that only rejected a promise, did not stop it: the title must not say it did.
  it.each([
    ['memory', 'Memory limit reached', 'The script used more than 32 MB of memory; it went on after that error.'],
    ['timeout', 'Time limit reached', 'The script ran longer than 1 s of CPU time.'],
  ] as const)('names a %s limit as reached, with the run’s own account of it', (kind, title, message) => {
    render(<SimulationResults output={output({ kind, message, line: null, column: null })} editor={null} />);
    const error = screen.getByTestId('test-error');
    expect(error).toHaveTextContent(title);
    expect(error).not.toHaveTextContent(/stopped/);
    expect(error).toHaveTextContent(message);
  });

  it('gives a script error its line and column', () => {
    render(
      <SimulationResults
        output={output({ kind: 'script', message: 'ReferenceError: x is not defined', line: 3, column: 7 })}
        editor={null}
      />,
    );
    expect(screen.getByTestId('test-error-position')).toHaveTextContent('Line 3, column 7');
  });
});
