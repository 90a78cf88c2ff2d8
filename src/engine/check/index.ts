export * from './kgi.js';
export * from './kpi.js';
export * from './plan.js';
export * from './summary.js';
export * from './plan-chain.js';
