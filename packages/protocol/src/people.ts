/** The console's People settings (issue 11): wire types only. Validators are in ./schemas-people.ts. */
import type { Locale } from './constants.js';
import type { AgentPresence, AgentRole, LocalizedText } from './types.js';

/** invited: no password chosen yet; deactivated: cannot sign in, keeps their history. */
export type PersonStatus = 'invited' | 'active' | 'deactivated';

export interface PersonView {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  departmentIds: string[];
  capacity: number;
  status: PersonStatus;
  presence: AgentPresence;
  invitedAt: string | null;
  deactivatedAt: string | null;
  createdAt: string;
  /** What deactivating them would take away right now (the confirmation dialog says so). */
  assignedConversations: number;
  openTickets: number;
}

export interface PeopleDepartment {
  id: string;
  name: LocalizedText;
}

export interface PeopleList {
  people: PersonView[];
  /** Every department a person can belong to. */
  departments: PeopleDepartment[];
}

export interface PersonInvite {
  email: string;
  name: string;
  role: AgentRole;
  departmentIds: string[];
  capacity: number;
  /** The invitation mail's language; default en. */
  locale?: Locale;
}

export interface PersonPatch {
  role?: AgentRole;
  departmentIds?: string[];
  capacity?: number;
}

export interface DeactivateResult {
  person: PersonView;
  /** Conversations put back in their department's queue. */
  requeued: number;
  /** Open tickets left without an assignee. */
  ticketsUnassigned: number;
}

/** GET /api/auth/invitation?token=: whose invitation it is, before they choose a password. */
export interface InvitationInfo {
  email: string;
  name: string;
}

export interface InvitationAccept {
  token: string;
  password: string;
}
