export * from './lib/contracts';
export * from './lib/dates';
export * from './lib/personnummer';
export * from './lib/policies';
export * from './lib/privacy';
export * from './lib/retention';
export * from './lib/roles';
export * from './lib/jobs';
