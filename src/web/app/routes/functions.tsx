import type { LpFunctionEntry } from '../../../domain/directories/lp-function';
import { AddFunctionForm } from '../../features/directories/components/add-function-form';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return (
    <div className="page">
      <title>Functions · Integrations Panel</title>
      <div className="page__header">
        <h1>Functions</h1>
        <p className="page__lead">
          The LivePerson Functions (lambdas) that FaaS integrations invoke. Only a deployed function can be called.
        </p>
      </div>
      <DirectoryPage<LpFunctionEntry>
        kind="functions"
        noun="function"
        plural="functions"
        addForm={<AddFunctionForm />}
        remoteNote="This directory is read from LivePerson Functions (LP_FUNCTIONS_DOMAIN is set): add, rename and delete functions there."
        emptyHint="Add the functions of your LivePerson account, so FaaS forms can pick them."
        columns={[
          {
            header: 'State',
            cell: (fn) => <span className={`pill pill--${fn.state === 'Productive' ? 'success' : 'warning'}`}>{fn.state}</span>,
          },
          { header: 'Description', cell: (fn) => fn.description },
        ]}
      />
    </div>
  );
}
