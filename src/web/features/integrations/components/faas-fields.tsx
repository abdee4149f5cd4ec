import { TextField } from '../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';

export function FaasFields({ meta }: { meta: FieldMeta<'FAAS'> }) {
  return (
    <>
      <TextField {...meta('functionId')} placeholder="loyalty-points-lookup" />
      <KeyValueList {...meta('headers')} item="Header" />
      <TextField {...meta('payload')} multiline rows={4} />
    </>
  );
}
