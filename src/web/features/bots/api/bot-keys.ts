export const botKeys = {
  all: ['bots'] as const,
  lists: () => [...botKeys.all, 'list'] as const,
  /** One list per search (`?q=` of the bots page). */
  list: (q = '') => [...botKeys.lists(), q] as const,
  detail: (botId: string) => [...botKeys.all, 'detail', botId] as const,
};
