import { defineIntegrationType } from './descriptor';
import { httpRequestFields, summarizeRequest } from './http-request';

export const FILE_METHODS = ['PUT', 'POST'] as const;

export const file = defineIntegrationType({
  type: 'FILE',
  displayName: 'File',
  badge: 'File',
  fields: httpRequestFields({
    methods: FILE_METHODS,
    methodError: 'Method must be PUT or POST for a File integration.',
    methodHelp: 'PUT and POST are industry standards and commonly used.',
    urlHelp: 'The URL of your external upload service that can accept the file stream.',
  }),
  summarize: summarizeRequest,
  demo: {
    name: 'UploadReceipt',
    responseDataVariable: 'UploadReceipt',
    method: 'PUT',
    url: 'https://files.example.com/receipts/{$botContext.orderNumber}',
    headers: [{ key: 'Content-Type', value: 'application/octet-stream' }],
  },
});
