import { z } from 'zod';

/** A `?flag=true|false` query parameter, false when left out. */
export const booleanQuery = (name: string) =>
  z
    .enum(['true', 'false'], { error: `${name} must be true or false.` })
    .default('false')
    .transform((value) => value === 'true');
