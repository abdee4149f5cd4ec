import { eq } from 'drizzle-orm';
import type { ListCursors } from '../db/cursor';
import type { Database } from '../db/database';
import { databaseFacts } from '../db/schema';
import { createBotsRepository } from '../bots/bots-repository';
import { createIntegrationsRepository } from '../integrations/integrations-repository';
import type { CredentialsRepository } from '../credentials/credentials-repository';
import { seedDemoData } from './demo-data';
import { createTestCasesRepository } from '../test-cases/test-cases-repository';
import { seedDemoDirectories } from './demo-directories';

/** `database_facts` row written once the first start is done (migration 0004 writes it for older databases). */
const INITIALISED_FACT = 'initialised';

/**
 * The first start of a brand-new database seeds the demo bot (unless `seedDemo` is false), then records that
 * it ran: a database whose bots were all deleted is not brand-new, and gets no demo on the next start. Run
 * it under the start-up lock, so servers starting together seed once.
 */
export async function initialiseOnce(
  db: Database,
  options: { seedDemo: boolean; credentials: CredentialsRepository; cursors: ListCursors },
): Promise<void> {
  const [done] = await db.select({ name: databaseFacts.name }).from(databaseFacts).where(eq(databaseFacts.name, INITIALISED_FACT));
  if (done) return;
  const bots = createBotsRepository(db, options.cursors);
  // A start that died half-way through seeding left its bots: they are not seeded a second time.
  if (options.seedDemo && (await bots.list({ limit: 1 })).items.length === 0) {
    await seedDemoData(db, bots, createIntegrationsRepository(db, options.cursors), createTestCasesRepository(db));
    await seedDemoDirectories(db, options.credentials);
  }
  await db.insert(databaseFacts).values({ name: INITIALISED_FACT, value: new Date().toISOString() }).onConflictDoNothing();
}
