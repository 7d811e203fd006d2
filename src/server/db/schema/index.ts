export * from './accounts.ts';
export * from './audit.ts';
export * from './keys.ts';
export * from './registry.ts';
