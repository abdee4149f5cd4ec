export const skillKeys = {
  all: ['skills'] as const,
  list: (q = '') => [...skillKeys.all, 'list', q] as const,
};
