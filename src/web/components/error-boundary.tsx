import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** A new value clears a caught error: the user has moved on, so what is shown now gets its chance to render. */
  resetKey: unknown;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

interface ErrorBoundaryState {
  resetKey: unknown;
  // Boxed: a component may throw anything, null and undefined included.
  caught: { error: unknown } | null;
}

/** Shows `fallback` in place of children that threw while rendering (a lazy chunk that failed to load counts). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { resetKey: this.props.resetKey, caught: null };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { caught: { error } };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { resetKey: props.resetKey, caught: null };
  }

  override render() {
    return this.state.caught ? this.props.fallback(this.state.caught.error) : this.props.children;
  }
}
