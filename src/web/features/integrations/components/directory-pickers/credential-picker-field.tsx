import { CREDENTIAL_TYPE_LABELS } from '../../../../../domain/directories/credential-types';
import { DirectoryComboboxField, type PickerFieldProps } from './directory-combobox-field';
import { useResourceDirectories } from './resource-directories-context';

/** API and File integrations: Credential, picked from the credentials by name; the integration stores its id. */
export function CredentialPickerField({ name, required, help, placeholder }: PickerFieldProps) {
  const { credentials } = useResourceDirectories();
  return (
    <DirectoryComboboxField
      name={name}
      label="Credential"
      required={required}
      help={help}
      placeholder={placeholder}
      noun="credential"
      items={credentials.items}
      isError={credentials.isError}
      describe={(credential) => <span className="combobox__meta">{CREDENTIAL_TYPE_LABELS[credential.type]}</span>}
    />
  );
}
