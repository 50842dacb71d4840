// Sandbox module: the whole sandbox program. It takes the other modules (as prelude.ts serialises them), the snapshot
// JSON and the host's callbacks, loads the modules in order, freezes everything blocks share, and returns what the
// host calls per block: `createDv(currentPath)`, `isWholeBlock(fn, source)` and `resetGlobals()`.
import type { dvApi } from './api';
import type { dataArrays } from './data-array';
import type { domElements } from './elements';
import type { isolation } from './isolation';
import type { lazyPages } from './lazy-pages';
import type { pageIndex, Snapshot } from './pages';
import type { HostCollate, HostPause, HostReadFile, HostRequest, HostZoneOffset, hostBindings, patchRealm } from './realm';
import type { dependsOnOrigin, pageSources, parseSource } from './sources';
import type { valueTypes } from './values';

export interface SandboxModules {
  hostBindings: typeof hostBindings;
  patchRealm: typeof patchRealm;
  valueTypes: typeof valueTypes;
  dataArrays: typeof dataArrays;
  isolation: typeof isolation;
  pageIndex: typeof pageIndex;
  parseSource: typeof parseSource;
  dependsOnOrigin: typeof dependsOnOrigin;
  pageSources: typeof pageSources;
  lazyPages: typeof lazyPages;
  domElements: typeof domElements;
  dvApi: typeof dvApi;
}

export function sandboxProgram(
  m: SandboxModules,
  safeTags: readonly string[],
  snapshotJson: string,
  hostZoneOffset: HostZoneOffset,
  hostCollate: HostCollate,
  hostReadFile: HostReadFile,
  hostRequest: HostRequest,
  hostPause: HostPause,
) {
  const snapshot = JSON.parse(snapshotJson) as Snapshot;
  const host = m.hostBindings(hostZoneOffset, hostReadFile, hostRequest, hostPause);
  const values = m.valueTypes(host.zoneOffset, snapshot.display);
  const ranks = new Map<string, number>();
  snapshot.pages.forEach((page) => {
    if (page.pathRank !== undefined) ranks.set(page.path, page.pathRank);
    if (page.nameRank !== undefined) ranks.set(page.name, page.nameRank);
  });
  // mutate() copies shared page objects; they are made below.
  const arrays = m.dataArrays(
    values,
    (value) => pages.isSharedPageObject(value),
    (text) => ranks.get(text),
  );
  m.patchRealm(hostCollate, ranks, arrays.isArrayOrDataArray, host.now);
  const shield = m.isolation(arrays);
  const pages = m.pageIndex(snapshot, values, arrays, shield.freezeData, host);
  const sources = m.pageSources(pages, m.parseSource, host.sharedWork, snapshot.tagPages);
  const lazy = m.lazyPages(values, arrays, shield.functionSource, pages, sources, m.dependsOnOrigin, host.sharedWork);
  const elements = m.domElements();
  // Obsidian's DOM globals (document, createEl…) and a bare `luxon` (vault scripts write luxon.DateTime as well as
  // dv.luxon.DateTime), frozen with every other global before blocks run.
  Object.assign(globalThis, elements.globals, { luxon: { DateTime: values.DateTime, Duration: values.Duration } });
  const api = m.dvApi(safeTags, host, values, arrays, pages, sources, lazy.lazySourcePages, elements);
  // The snapshot is not frozen: blocks reach it only through page objects, which freeze what they hand out.
  shield.isolateBlocks([
    api.createDv(''),
    values.DateTime,
    values.Link,
    values.ListPairWidget,
    arrays.DataArrayImpl,
    lazy.LazyPageArray,
    ...elements.sharedClasses,
    ...pages.sharedGetters(),
  ]);
  return { createDv: api.createDv, isWholeBlock: shield.isWholeBlock, resetGlobals: shield.resetGlobals };
}
