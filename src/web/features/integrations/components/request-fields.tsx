import { API_METHODS, FILE_METHODS } from '../../../../domain/integration-types';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';
import { CredentialPickerField } from './directory-pickers/credential-picker-field';

/** API and File integrations: an HTTP request. */
export function RequestFields({ meta, type }: { meta: FieldMeta; type: 'API' | 'FILE' }) {
  const methods = type === 'API' ? API_METHODS : FILE_METHODS;
  return (
    <>
      <SelectField {...meta('method')} label="Method" options={methods.map((m) => ({ value: m, label: m }))} />
      <TextField {...meta('url')} label="URL" placeholder="https://api.example.com/orders/{$botContext.orderNumber}" />
      <CredentialPickerField {...meta('credentialId')} />
      <KeyValueList name="headers" label="Request Headers" item="Header" help={meta('headers').help} />
      <KeyValueList name="requestParameters" label="Request Parameters" item="Parameter" help={meta('requestParameters').help} />
      <TextField {...meta('postBody')} label="Post Body" multiline rows={4} />
    </>
  );
}
