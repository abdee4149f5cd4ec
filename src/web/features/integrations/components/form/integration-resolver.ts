import { zodResolver } from '@hookform/resolvers/zod';
import { integrationInputSchema } from '../../../../../domain/integration';

/**
 * The form's checks are the API's own schema. zod and the script parser come with it (about 60 KB gzip).
 * @public read through lazy-integration-resolver.ts's dynamic import, which knip does not follow
 */
export const integrationResolver = zodResolver(integrationInputSchema);
