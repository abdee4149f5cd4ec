export const integrationsPath = (botId: string) => `/api/bots/${encodeURIComponent(botId)}/integrations`;
export const integrationPath = (botId: string, id: string) => `${integrationsPath(botId)}/${encodeURIComponent(id)}`;
