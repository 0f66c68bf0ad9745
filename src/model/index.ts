export type * from './position.js';
export type * from './workload.js';
export type * from './finding.js';
export type * from './read-result.js';
export { SEVERITY_RANK } from './finding.js';
export { emptyReadResult } from './read-result.js';
export { metadataBlocks } from './workload.js';
export type * from './config.js';
export type * from './cost.js';
