export * from './accounts.ts';
export * from './agreements.ts';
export * from './audit.ts';
export * from './cases.ts';
export * from './keys.ts';
export * from './members.ts';
export * from './registry.ts';
export * from './room.ts';
