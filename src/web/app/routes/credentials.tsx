import { type Credential } from '../../../domain/directories/credential';
import { CREDENTIAL_FIELD_LABELS, CREDENTIAL_TYPE_LABELS } from '../../../domain/directories/credential-types';
import { AddCredentialForm } from '../../features/directories/components/add-credential-form';
import { DirectoryPage } from '../../features/directories/components/directory-page';

export function Component() {
  return (
    <div className="page">
      <title>Credentials · Integrations Panel</title>
      <div className="page__header">
        <h1>Credentials</h1>
        <p className="page__lead">
          What API and File integrations authenticate with. Secrets are write-only: stored encrypted, shown only as set or not set.
        </p>
      </div>
      <DirectoryPage<Credential>
        kind="credentials"
        noun="credential"
        plural="credentials"
        addForm={<AddCredentialForm />}
        remoteNote=""
        emptyHint="Add the credentials your API and File integrations use, so their forms can pick them by name."
        columns={[
          {
            header: 'Type',
            cell: (credential) => CREDENTIAL_TYPE_LABELS[credential.type],
          },
          {
            header: 'Secrets',
            cell: (credential) =>
              Object.entries(credential.secretsSet).map(([key, set]) => (
                <span key={key} className={`pill pill--${set ? 'success' : 'warning'}`} data-testid={`secret-${key}`}>
                  {CREDENTIAL_FIELD_LABELS[key] ?? key}: {set ? 'set' : 'not set'}
                </span>
              )),
          },
        ]}
      />
    </div>
  );
}
