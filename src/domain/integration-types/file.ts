import { defineIntegrationType } from './descriptor';
import { httpRequestFields, summarizeRequest } from './http-request';
import { INTEGRATION_TYPE_NAMES } from './type-names';

export const FILE_METHODS = ['PUT', 'POST'] as const;

export const file = defineIntegrationType({
  type: 'FILE',
  ...INTEGRATION_TYPE_NAMES.FILE,
  fields: httpRequestFields({
    methods: FILE_METHODS,
    methodError: 'Method must be PUT or POST for a File integration.',
    methodHelp: 'PUT and POST are industry standards and commonly used.',
    urlHelp: 'The URL of your external upload service that can accept the file stream.',
    placeholders: {
      url: 'https://files.example.com/uploads/{$botContext.orderId}',
      headers: { key: 'Content-Type', value: 'application/octet-stream' },
      requestParameters: { key: 'folder', value: 'receipts' },
      postBody: '{ "orderId": "{$botContext.orderId}" }',
    },
  }),
  summarize: summarizeRequest,
  demoSample: JSON.stringify({ fileUrl: 'https://files.example.com/receipts/1001.pdf', size: 48213 }, null, 2),
  demo: {
    name: 'UploadReceipt',
    responseDataVariable: 'UploadReceipt',
    method: 'PUT',
    url: 'https://files.example.com/receipts/{$botContext.orderNumber}',
    headers: [{ key: 'Content-Type', value: 'application/octet-stream' }],
  },
});
