export * from './server-admin.js';
export * from './server-auth.js';
export * from './server-errors.js';
export * from './server-api.js';
export * from './server-sync.js';
export * from './server-queue.js';
export * from './event-producers.js';
export * from './server-rating-holder.js';
