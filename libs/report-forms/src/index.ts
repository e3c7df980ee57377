// The official forms' layouts that the engine's exports and the browser's pages both print.
export { II06A_COLUMNS } from './ii06a-columns.js';
export type { FormHeading, Ii06aColumn } from './ii06a-columns.js';
