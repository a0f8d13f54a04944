/**
 * For browser tests of sign-in and Settings → Account (web-test-runner.config.mjs serves it at
 * /__parley__/fresh-agent.json): a new agent of their own, so enrolling two-factor or changing a
 * password never touches the seeded accounts other test files sign in with.
 */
import { randomBytes } from 'node:crypto';
import type { AgentRole } from '@parley/protocol';
import type { Database } from '../db/client.js';
import { agents } from '../db/schema.js';
import { hashPassword } from './password.js';

export async function freshAgent(database: Database, role: AgentRole = 'agent'): Promise<{ id: string; email: string; password: string; name: string }> {
  const tag = randomBytes(4).toString('hex');
  const email = `test-${tag}@parley.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const name = `Test ${tag}`;
  const [row] = await database.db
    .insert(agents)
    .values({ email, name, role, passwordHash: await hashPassword(password) })
    .returning({ id: agents.id });
  return { id: row!.id, email, password, name };
}
