/**
 * The contract between the Custom UI apps (static/) and the backend, imported there as
 * `@goalkeeper/contract` (static/tsconfig.json `paths`, static/shared/vite-config.ts, jest.config.js):
 * every wire type by area, and the few pure rules of src/domain both sides run. Runtime code may come
 * only from src/domain; everything else crosses as a type (eslint.config.mjs, .dependency-cruiser.cjs).
 */
export * from './assessment';
export type * from './endpoints';
export * from './proposals';
export * from './settings';
export * from './sprint-view';
