import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { CrashResult } from './crash-result.tsx';

interface Props { children: ReactNode; resetKey?: string }
interface State { error: Error | null; resetKey: string | undefined }

/** Catches render errors below it so one broken page does not blank the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  // Navigating elsewhere clears the error.
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <CrashResult detail={this.state.error.message} />;
    return this.props.children;
  }
}
