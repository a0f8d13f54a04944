/** @parley/client: the headless SDK the elements are built on; usable on its own from any framework. */
export { VisitorClient, visitorKeys } from './visitor.js';
export type { VisitorState, VisitorClientOptions } from './visitor.js';
export { AgentClient } from './agent.js';
export type { AgentState, AgentClientOptions } from './agent.js';
export type { ConnectionState } from './connection.js';
export type { TimelineEntry, Delivery } from './timeline.js';
export { lastSeq, mergeCommitted } from './timeline.js';
export { ParleyError } from './errors.js';
export type { KeyValueStore } from './storage.js';
export { memoryStore } from './storage.js';
export { EmployeeClient, byUrgency, tokenFromUrl } from './employee.js';
export type { EmployeeState, EmployeeClientOptions } from './employee.js';
