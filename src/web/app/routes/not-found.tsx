import { Link } from 'react-router';

export function Component() {
  return (
    <div className="page">
      <title>Not found · Integrations Panel</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the bots</Link>.
      </p>
    </div>
  );
}
