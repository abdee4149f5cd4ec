import { field, textOf, type RowPlaceholder, type SummaryItem } from './descriptor';

/** API and File integrations are both an HTTP request; they differ in the methods, the help and the examples. */
export function httpRequestFields<const M extends readonly [string, ...string[]]>(options: {
  methods: M;
  methodError: string;
  methodHelp: string;
  urlHelp: string;
  placeholders: { url: string; headers: RowPlaceholder; requestParameters: RowPlaceholder; postBody: string };
}) {
  const { placeholders } = options;
  return {
    method: field({
      schema: (k) => k.z.enum(options.methods, { error: options.methodError }),
      required: true,
      label: 'Method',
      help: options.methodHelp,
      initial: options.methods[0],
      cbKey: 'method',
    }),
    url: field({
      schema: (k) => k.urlSchema('URL'),
      required: true,
      label: 'URL',
      help: options.urlHelp,
      initial: '',
      cbKey: 'webhook',
      placeholder: placeholders.url,
    }),
    credentialId: field({
      schema: (k) => k.optionalText('Credential', 128),
      label: 'Credential',
      help: 'The credential to authenticate with, if applicable, picked from the directory: the bot enhances the request based on its type.',
      initial: '',
      // By name in a CB file (ids differ between accounts); import and export translate it to and from the id.
      cbKey: 'credentialName',
      placeholder: 'None: type a name such as Payments API token',
    }),
    headers: field({
      schema: (k) => k.keyValueListSchema('Request Headers'),
      label: 'Request Headers',
      help: 'Message headers to include in the request.',
      initial: [],
      cbKey: 'headers',
      rowPlaceholder: placeholders.headers,
    }),
    requestParameters: field({
      schema: (k) => k.keyValueListSchema('Request Parameters'),
      label: 'Request Parameters',
      help: 'Parameters passed in the URL’s query string.',
      initial: [],
      cbKey: 'requestParameters',
      rowPlaceholder: placeholders.requestParameters,
    }),
    postBody: field({
      schema: (k) => k.optionalText('Post Body', 64 * 1024),
      label: 'Post Body',
      help: 'The payload to send.',
      initial: '',
      cbKey: 'postBody',
      placeholder: placeholders.postBody,
    }),
  };
}

export function summarizeRequest(values: Readonly<Record<string, unknown>>): SummaryItem[] {
  return [{ label: 'Request', value: `${textOf(values.method)} ${textOf(values.url)}`.trim() }];
}
