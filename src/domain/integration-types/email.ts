import { defineIntegrationType, field, textOf } from './descriptor';
import { INTEGRATION_TYPE_NAMES } from './type-names';

export const email = defineIntegrationType({
  type: 'EMAIL',
  ...INTEGRATION_TYPE_NAMES.EMAIL,
  fields: {
    to: field({
      schema: (k) => k.addressListSchema('To', true),
      required: true,
      label: 'To',
      help: 'A comma-separated list of e-mail addresses, or variables such as {$botContext.email}.',
      initial: '',
      cbKey: 'to',
      placeholder: 'care@example.com, {$botContext.email}',
    }),
    replyTo: field({
      schema: (k) => k.addressListSchema('Reply To', false).default(''),
      label: 'Reply To',
      help: 'Optional: a comma-separated list of addresses that replies go to.',
      initial: '',
      cbKey: 'replyTo',
      placeholder: 'support@example.com',
    }),
    subject: field({
      schema: (k) => k.requiredText('Subject', 998),
      required: true,
      label: 'Subject',
      help: 'You can use bot runtime data stored in botContext variables, such as {$botContext.orderNumber}.',
      initial: '',
      cbKey: 'subject',
      placeholder: 'Your order {$botContext.orderNumber}',
    }),
    body: field({
      schema: (k) => k.requiredText('Body', 64 * 1024),
      required: true,
      label: 'Body',
      help: 'The text of the e-mail; with Html Email on, you can enter HTML. botContext variables work here too.',
      initial: '',
      cbKey: 'body',
      placeholder: 'Hello {$botContext.firstName}, here is the summary of your conversation.',
    }),
    html: field({
      schema: (k) => k.z.boolean({ error: 'Html Email must be true or false.' }).default(false),
      label: 'Html Email',
      help: 'Send the body as HTML.',
      initial: false,
      cbKey: 'html',
    }),
  },
  summarize: (values) => [
    { label: 'To', value: textOf(values.to) },
    { label: 'Subject', value: textOf(values.subject) },
  ],
  demoSample: JSON.stringify({ status: 'sent', messageId: 'msg-20261130-0042' }, null, 2),
  demo: {
    name: 'SendTranscript',
    responseDataVariable: 'SendTranscript',
    to: '{$botContext.email}',
    replyTo: 'care@example.com',
    subject: 'Your conversation with Customer Care',
    body: 'Hello {$botContext.firstName}, here is the summary of your conversation.',
    html: false,
  },
});
