export * from './scorecard.ts';
export * from './three-sixty.ts';
export * from './calibration.ts';
export * from './workflow.ts';
export * from './tobacco-scorecard.ts';
