import { TextField } from '../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';
import { FunctionPickerField } from './directory-pickers/function-picker-field';

export function FaasFields({ meta }: { meta: FieldMeta }) {
  return (
    <>
      <FunctionPickerField {...meta('functionId')} />
      <KeyValueList name="headers" label="Function Headers" item="Header" help={meta('headers').help} />
      <TextField {...meta('payload')} label="Function Payload" multiline rows={4} />
    </>
  );
}
