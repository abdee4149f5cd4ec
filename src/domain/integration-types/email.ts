import { z } from 'zod';
import { addressListSchema, requiredText } from '../request-fields';
import { defineIntegrationType, field, textOf } from './descriptor';
import { INTEGRATION_TYPE_NAMES } from './type-names';

export const email = defineIntegrationType({
  type: 'EMAIL',
  ...INTEGRATION_TYPE_NAMES.EMAIL,
  fields: {
    to: field({
      schema: addressListSchema('To', true),
      label: 'To',
      help: 'A comma-separated list of e-mail addresses, or variables such as {$botContext.email}.',
      initial: '',
      cbKey: 'to',
    }),
    replyTo: field({
      schema: addressListSchema('Reply To', false).default(''),
      label: 'Reply To',
      help: 'Optional: a comma-separated list of addresses that replies go to.',
      initial: '',
      cbKey: 'replyTo',
    }),
    subject: field({
      schema: requiredText('Subject', 998),
      label: 'Subject',
      help: 'You can use bot runtime data stored in botContext variables, such as {$botContext.orderNumber}.',
      initial: '',
      cbKey: 'subject',
    }),
    body: field({
      schema: requiredText('Body', 64 * 1024),
      label: 'Body',
      help: 'The text of the e-mail; with Html Email on, you can enter HTML. botContext variables work here too.',
      initial: '',
      cbKey: 'body',
    }),
    html: field({
      schema: z.boolean({ error: 'Html Email must be true or false.' }).default(false),
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
