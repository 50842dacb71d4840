// Small fixture vaults for the dataview tests (DvPageInput as the integrator would build it).
import type { DataviewOptions, DvLink, DvPageInput } from './types';

export function page(path: string, fields: Partial<DvPageInput> = {}): DvPageInput {
  const slash = path.lastIndexOf('/');
  return {
    path,
    name: path.slice(slash + 1).replace(/\.md$/, ''),
    folder: slash >= 0 ? path.slice(0, slash) : '',
    etags: [],
    outlinks: [],
    inlinks: [],
    ctime: 0,
    mtime: 0,
    frontmatter: {},
    ...fields,
  };
}

export function link(path: string, fields: Partial<DvLink> = {}): DvLink {
  return { path, embed: false, type: 'file', ...fields };
}

/** Site URLs as the tests expect them: '/Folder/Name/' and '/tags/lowercased/'. */
export const testLinks: Pick<DataviewOptions, 'hrefFor' | 'hrefForTag'> = {
  hrefFor: (path, subpath) => `/${path.replace(/\.md$/, '')}/${subpath ? `#${subpath}` : ''}`,
  hrefForTag: (tag) => `/tags/${tag.toLowerCase()}/`,
};
