// The request and response shapes of the HTTP API (docs/api.md), shared by the engine's queries
// and controllers and the browser apps. Types only: nothing here exists at run time (a spec checks).
export type * from './wire.js';
export type * from './tasks.js';
export type * from './dossiers.js';
export type * from './dossier-files.js';
export type * from './definitions.js';
export type * from './organisation.js';
export type * from './notifications.js';
export type * from './comparisons.js';
export type * from './reports.js';
export type * from './operations.js';
export type * from './petitions.js';
