// The sandbox's source text. Its modules (this folder) are ordinary TypeScript, type-checked, linted and unit-tested
// on the host; each is one function that reaches other modules only through its parameters, so its own source text
// (Function.prototype.toString, after whichever tool stripped the types: Vite, Vitest, Node) runs unchanged inside
// QuickJS. The modules may import types only (a test checks): a value import would be a name the sandbox lacks.
import { SAFE_TAGS } from '../html';
import { dvApi } from './api';
import { dataArrays } from './data-array';
import { domElements } from './elements';
import { isolation } from './isolation';
import { lazyPages } from './lazy-pages';
import { pageIndex } from './pages';
import { type SandboxModules, sandboxProgram } from './program';
import { hostBindings, patchRealm } from './realm';
import { dependsOnOrigin, pageSources, parseSource } from './sources';
import { valueTypes } from './values';

export const SANDBOX_MODULES: SandboxModules = {
  hostBindings,
  patchRealm,
  valueTypes,
  dataArrays,
  isolation,
  pageIndex,
  parseSource,
  dependsOnOrigin,
  pageSources,
  lazyPages,
  domElements,
  dvApi,
};

/** Evaluates to a function of the snapshot JSON and the host's five callbacks (see sandbox.ts). */
export const PRELUDE_JS = [
  '(function (snapshotJson, hostZoneOffset, hostCollate, hostReadFile, hostRequest, hostPause) {',
  '"use strict";',
  'var modules = {',
  Object.entries(SANDBOX_MODULES)
    .map(([name, module]) => `${name}: ${module.toString()}`)
    .join(',\n'),
  '};',
  `return (${sandboxProgram.toString()})(modules, ${JSON.stringify(SAFE_TAGS)}, snapshotJson, hostZoneOffset, hostCollate, hostReadFile, hostRequest, hostPause);`,
  '})',
].join('\n');
