import type { Role } from '../../../domain/people';
import type { Database } from '../../db/database';
import { createPeopleRepository } from '../people-repository';

/** A person who can sign in with `password` at once (no invitation), for tests of other features. */
export const addPerson = (db: Database, email: string, role: Role, password: string) =>
  createPeopleRepository(db).create({ email, name: email.split('@')[0]!, role, password });
