import { createBrowserHistory } from 'history';
import { AppProvider } from './provider';
import { AppRouter } from './router';

// history's rather than react-router's own: its block() lets the unsaved-changes guard hold back navigation.
const history = createBrowserHistory();

export function App() {
  return (
    <AppProvider>
      <AppRouter history={history} />
    </AppProvider>
  );
}
