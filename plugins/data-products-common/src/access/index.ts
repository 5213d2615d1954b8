export * from './types';
export * from './stateMachine';
export * from './duration';
export * from './schemas';
export * from './permissions';
export * from './fieldErrors';
export * from './safeText';
