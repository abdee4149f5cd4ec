import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

function Throws({ what }: { what: unknown }): never {
  throw what;
}

const fallback = (error: unknown) => <p role="alert">{error instanceof Error ? error.message : `caught ${String(error)}`}</p>;

describe('ErrorBoundary', () => {
  // React reports every caught error on the console; the test expects them.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterEach(() => consoleError.mockClear());

  it('shows the fallback with what was thrown, even when that is not an Error', () => {
    const { rerender } = render(
      <ErrorBoundary resetKey="/a" fallback={fallback}>
        <Throws what={new Error('chunk gone')} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('chunk gone');
    rerender(
      <ErrorBoundary resetKey="/b" fallback={fallback}>
        <Throws what={undefined} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('caught undefined');
  });

  it('keeps the fallback while the reset key stays, and renders the children again when it changes', () => {
    const { rerender } = render(
      <ErrorBoundary resetKey="/a" fallback={fallback}>
        <Throws what={new Error('broken')} />
      </ErrorBoundary>,
    );
    rerender(
      <ErrorBoundary resetKey="/a" fallback={fallback}>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('broken');
    rerender(
      <ErrorBoundary resetKey="/b" fallback={fallback}>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('fine')).toBeInTheDocument();
  });
});
