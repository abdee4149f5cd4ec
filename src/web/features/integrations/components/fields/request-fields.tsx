import { API_METHODS, FILE_METHODS } from '../../../../../domain/integration-types';
import { SelectField } from '../../../../components/form/select-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';
import { DirectoryPickerField } from '../directory-pickers/directory-picker-field';

/** API and File integrations: an HTTP request. */
function RequestFields({ meta, methods }: { meta: FieldMeta<'API'> | FieldMeta<'FILE'>; methods: readonly string[] }) {
  return (
    <>
      <SelectField {...meta('method')} options={methods.map((m) => ({ value: m, label: m }))} />
      <TextField {...meta('url')} />
      <DirectoryPickerField kind="credentials" {...meta('credentialId')} />
      <KeyValueList {...meta('headers')} item="Header" />
      <KeyValueList {...meta('requestParameters')} item="Parameter" />
      <TextField {...meta('postBody')} multiline rows={4} />
    </>
  );
}

export function ApiFields({ meta }: { meta: FieldMeta<'API'> }) {
  return <RequestFields meta={meta} methods={API_METHODS} />;
}

export function FileFields({ meta }: { meta: FieldMeta<'FILE'> }) {
  return <RequestFields meta={meta} methods={FILE_METHODS} />;
}
