import { apiReads } from '../../../../domain/first-reads';

export const integrationsPath = apiReads.integrations;
export const integrationPath = apiReads.integration;
