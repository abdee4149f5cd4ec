import { defineIntegrationType } from './descriptor';
import { httpRequestFields, summarizeRequest } from './http-request';
import { INTEGRATION_TYPE_NAMES } from './type-names';

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const api = defineIntegrationType({
  type: 'API',
  ...INTEGRATION_TYPE_NAMES.API,
  fields: httpRequestFields({
    methods: API_METHODS,
    methodError: 'Method must be one of GET, POST, PUT, PATCH or DELETE.',
    methodHelp: 'The type of HTTP request method.',
    urlHelp:
      'The request target: an http or https URL. Variables work in it, such as https://example.com/orders/{$botContext.orderNumber}.',
    placeholders: {
      url: 'https://api.example.com/orders/{$botContext.orderId}',
      headers: { key: 'Accept', value: 'application/json' },
      requestParameters: { key: 'orderId', value: '{$botContext.orderId}' },
      postBody: '{ "orderId": "{$botContext.orderId}" }',
    },
  }),
  summarize: summarizeRequest,
  demoSample: JSON.stringify({ status: 'shipped', eta: '2026-12-02', items: 3 }, null, 2),
  demo: {
    name: 'OrderStatus',
    responseDataVariable: 'OrderStatus',
    method: 'GET',
    url: 'https://orders.example.com/api/orders/{$botContext.orderNumber}',
    headers: [{ key: 'Accept', value: 'application/json' }],
    requestParameters: [{ key: 'fields', value: 'status,eta' }],
    customDataFields: [
      { key: 'status', value: '{$.api_OrderStatus.status}' },
      { key: 'eta', value: '{$.api_OrderStatus.eta}' },
    ],
  },
});
