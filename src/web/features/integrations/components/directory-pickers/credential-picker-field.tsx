import { CREDENTIAL_TYPE_LABELS } from '../../../../../domain/directories/credential-types';
import { DirectoryComboboxField } from './directory-combobox-field';
import { useResourceDirectories } from './resource-directories-context';

/** API and File integrations: Credential, picked from the credentials by name; the integration stores its id. */
export function CredentialPickerField({ name, required, help }: { name: string; required: boolean; help: string | undefined }) {
  const { credentials } = useResourceDirectories();
  return (
    <DirectoryComboboxField
      name={name}
      label="Credential"
      required={required}
      help={help}
      placeholder="None: type a credential's name to pick one"
      noun="credential"
      items={credentials.items}
      isError={credentials.isError}
      describe={(credential) => <span className="combobox__meta">{CREDENTIAL_TYPE_LABELS[credential.type]}</span>}
    />
  );
}
