import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';
import { FunctionPickerField } from '../directory-pickers/function-picker-field';

export function FaasFields({ meta }: { meta: FieldMeta<'FAAS'> }) {
  return (
    <>
      <FunctionPickerField {...meta('functionId')} />
      <KeyValueList {...meta('headers')} item="Header" />
      <TextField {...meta('payload')} multiline rows={4} />
    </>
  );
}
