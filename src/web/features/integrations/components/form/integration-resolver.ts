import { zodResolver } from '@hookform/resolvers/zod';
import { integrationInputSchema } from '../../../../../domain/integration';

/** The form's checks are the API's own schema. zod and the script parser come with it (about 60 KB gzip). */
export const integrationResolver = zodResolver(integrationInputSchema);
