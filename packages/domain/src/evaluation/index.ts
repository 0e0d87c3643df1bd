export * from './scorecard-inputs.ts';
export * from './scorecard-run.ts';
export * from './three-sixty.ts';
export * from './calibration.ts';
export * from './workflow.ts';
