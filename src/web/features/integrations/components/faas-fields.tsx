import { TextField } from '../../../components/form/text-field';
import type { FieldMeta } from './field-meta';
import { KeyValueList } from './key-value-list';

export function FaasFields({ meta }: { meta: FieldMeta }) {
  return (
    <>
      <TextField {...meta('functionId')} label="Function" placeholder="loyalty-points-lookup" />
      <KeyValueList name="headers" label="Function Headers" item="Header" help={meta('headers').help} />
      <TextField {...meta('payload')} label="Function Payload" multiline rows={4} />
    </>
  );
}
