import { SwitchField } from '../../../components/form/switch-field';
import { TextField } from '../../../components/form/text-field';
import type { FieldMeta } from './field-meta';

export function EmailFields({ meta }: { meta: FieldMeta }) {
  return (
    <>
      <TextField {...meta('to')} label="To" placeholder="care@example.com, {$botContext.email}" />
      <TextField {...meta('replyTo')} label="Reply To" />
      <TextField {...meta('subject')} label="Subject" />
      <TextField {...meta('body')} label="Body" multiline rows={5} />
      <SwitchField {...meta('html')} label="Html Email" />
    </>
  );
}
