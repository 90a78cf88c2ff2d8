export * from './aggregate.js';
export * from './calendar.js';
export * from './deal.js';
export { Histogram } from './histogram.js';
export * from './metrics/index.js';
export * from './money.js';
export * from './periods.js';
export * from './report.js';
export * from './check/index.js';
