import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';
import { DirectoryPickerField } from '../directory-pickers/directory-picker-field';

export function FaasFields({ meta }: { meta: FieldMeta<'FAAS'> }) {
  return (
    <>
      <DirectoryPickerField kind="functions" {...meta('functionId')} />
      <KeyValueList {...meta('headers')} item="Header" />
      <TextField {...meta('payload')} multiline rows={4} />
    </>
  );
}
