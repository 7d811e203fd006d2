export * from './accounts.ts';
export * from './audit.ts';
export * from './registry.ts';
export * from './keys.ts';
