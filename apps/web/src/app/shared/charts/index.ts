export * from './bar-chart';
export * from './chart';
