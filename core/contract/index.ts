export * from './common.js';
export * from './errors.js';
export * from './catalog.js';
export * from './procedures.js';
export * from './health.js';
export * from './api.js';
export * from "./openapi.js";
export * from './server-index.js';
