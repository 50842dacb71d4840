// Build-time Dataview: runs dataviewjs blocks in a QuickJS sandbox over a snapshot of published notes.
export { inlineJsScript, inlineQueryExpression } from './dql';
export { createDataviewEngine, type DataviewEngine } from './engine';
export type { DataviewOptions, DataviewResult, DvLink, DvPageInput } from './types';
