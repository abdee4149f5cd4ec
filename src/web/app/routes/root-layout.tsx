import { Link, NavLink, Outlet } from '../../lib/history-router';
import { LoadingState } from '../../components/states';
import { ToastHost } from '../../components/toast-host';
import { paths } from '../../../domain/screen-routes';
import { ConnectionStatus } from '../../components/connection-status';
import { PersonMenu } from '../../components/person-menu';
import { ThemeMenu } from '../../components/theme-menu';
import { useFocusAfterNavigation } from '../focus-after-navigation';
import { KeyboardShortcuts } from '../keyboard/keyboard-shortcuts';

export function RootLayout() {
  useFocusAfterNavigation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-bar">
        <Link to={paths.bots()} className="app-bar__brand">
          <span className="app-bar__logo" aria-hidden="true" />
          Integrations Panel
        </Link>
        <span className="app-bar__product">Conversation Builder</span>
        <ConnectionStatus />
        <nav className="app-nav" aria-label="Main">
          <NavLink to={paths.skills()} className="app-nav__link">
            Skills
          </NavLink>
          <NavLink to={paths.credentials()} className="app-nav__link">
            Credentials
          </NavLink>
          <NavLink to={paths.functions()} className="app-nav__link">
            Functions
          </NavLink>
          <NavLink to={paths.knowledgeBases()} className="app-nav__link">
            Knowledge bases
          </NavLink>
          <NavLink to={paths.environments()} className="app-nav__link">
            Environments
          </NavLink>
        </nav>
        <ThemeMenu />
        <PersonMenu />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <ToastHost />
      <KeyboardShortcuts />
    </div>
  );
}

export function RootFallback() {
  return <LoadingState label="Loading…" />;
}
