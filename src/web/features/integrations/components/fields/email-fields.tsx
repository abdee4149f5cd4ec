import { SwitchField } from '../../../../components/form/switch-field';
import { TextField } from '../../../../components/form/text-field';
import type { FieldMeta } from './field-meta';

export function EmailFields({ meta }: { meta: FieldMeta<'EMAIL'> }) {
  return (
    <>
      <TextField {...meta('to')} />
      <TextField {...meta('replyTo')} />
      <TextField {...meta('subject')} />
      <TextField {...meta('body')} multiline rows={5} />
      <SwitchField {...meta('html')} />
    </>
  );
}
