import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { KINDS } from '../kinds/registry';
import { renderTree } from '../markdown/render';
import { loadVault } from '../vault/load';
import { publishedFiles } from './publish';
import { renderContextFor } from './render-context';

const tempDir = useTempDirs('tsunagu-render-context-');

function renderPage(files: Record<string, string>, pageId: string): string {
  const vaultDir = tempDir();
  writeFiles(vaultDir, files);
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
  const { index, kindSite } = publishedFiles(vault, { base: '/', lang: 'en', kinds: KINDS, reserved: new Set() });
  return renderTree(vault.notes.get(pageId)!.tree, renderContextFor(pageId, index, kindSite));
}

describe('renderContextFor: links to a heading of the same note', () => {
  it('stay on the page, except inside an embed, where they lead to the embedded note', () => {
    // The Obsidian Help vault embeds a callout of Internal links that links [[#Change the link display text]].
    const html = renderPage(
      {
        'Host.md': 'See [[#Own part]].\n\n![[Guide#^tip]]\n\n## Own part\n\nx',
        'Guide.md': 'Use [[#Display text|the display text]] here. ^tip\n\n## Display text\n\ny',
      },
      'Host.md',
    );
    expect(html).toContain('<a class="internal-link" href="#own-part">Own part</a>');
    expect(html).toContain('<a class="internal-link" href="/guide/#display-text">the display text</a>');
  });
});
