import { Link } from '../../lib/history-router';
import { paths } from '../../../domain/screen-routes';

export function Component() {
  return (
    <div className="page">
      <title>Not found · Integrations Panel</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to={paths.bots()}>Go to the bots</Link>.
      </p>
    </div>
  );
}
