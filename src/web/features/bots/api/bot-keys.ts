export const botKeys = {
  all: ['bots'] as const,
  list: () => [...botKeys.all, 'list'] as const,
  detail: (botId: string) => [...botKeys.all, 'detail', botId] as const,
};
