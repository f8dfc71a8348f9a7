/*
 * Public API Surface of ngx-token-refresh
 */

export * from './lib/ngx-token-refresh';
