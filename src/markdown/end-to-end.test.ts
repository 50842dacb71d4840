import { describe, expect, it } from 'vitest';
import { parseBody } from './parse';
import { renderTree } from './render';
import { fakeContext } from '../../test/helpers/markdown';

const note = `# Docker notes #t-notes/Docker

Intro with [[Setup#Install|the install steps]], [[Missing]], ==important== and \`#not-a-tag\`. ^intro

%% private: [[Secret]] #todo %%
<!-- html comment -->

## Links

- [markdown](Setup.md#Install) and https://example.com/#frag
- ![[diagram.png|320]] ![remote](https://cdn.example.com/x.png)

> [!warning]- Careful
> Do not run as [[Setup|root]].

![[Setup#Install]]

| Command | Note |
|---|---|
| run | [[Setup\\|alias]] |

\`\`\`dataviewjs
dv.list(dv.pages("#private"))
\`\`\`

Last line 1234 #1234 #日本語タグ
`;

const vault = {
  'Docker.md': note,
  'Setup.md': '# Setup\n\n## Install\n\nRun **it**. ^step\n\n## Other\n\nnot embedded',
};

describe('a note with every feature', () => {
  const parsed = parseBody(note, 3);
  const html = renderTree(parsed.tree, fakeContext('Docker.md', vault, ['diagram.png']));

  it('extracts the facts', () => {
    expect(parsed.tags).toEqual([
      { tag: 't-notes/Docker', line: 3 },
      { tag: '日本語タグ', line: 28 },
    ]);
    expect(parsed.links.map((link) => `${link.source}:${link.syntax}:${link.embed ? '!' : ''}${link.target}#${link.subpath ?? ''}@${link.line}`)).toEqual([
      'body:wikilink:Setup#Install@5',
      'body:wikilink:Missing#@5',
      'comment:wikilink:Secret#@7',
      'body:markdown:Setup.md#Install@12',
      'body:wikilink:!diagram.png#@13',
      'body:wikilink:Setup#@16',
      'body:wikilink:!Setup#Install@18',
      'body:wikilink:Setup#@22',
    ]);
    expect(parsed.headings.map((h) => h.slug)).toEqual(['docker-notes-t-notesdocker', 'links']);
    expect(parsed.blockIds).toEqual(['intro']);
    expect(parsed.firstParagraph).toBe('Intro with the install steps, Missing, important and #not-a-tag.');
  });

  it('renders it', () => {
    expect(html).toContain('<h1 id="docker-notes-t-notesdocker">Docker notes <a class="tag" href="/tags/t-notes/docker/">#t-notes/Docker</a></h1>');
    expect(html).toContain(
      '<p id="^intro">Intro with <a class="internal-link" href="/n/Setup.md#Install">the install steps</a>, <span class="internal-link is-unresolved">Missing</span>, <mark>important</mark> and <code>#not-a-tag</code>.</p>',
    );
    expect(html).toContain(
      '<a class="internal-link" href="/n/Setup.md#Install">markdown</a> and <a href="https://example.com/#frag">https://example.com/#frag</a>',
    );
    expect(html).toContain(
      '<img src="/n/diagram.png" alt="diagram.png" loading="lazy" width="320"> <img src="https://cdn.example.com/x.png" alt="remote" loading="lazy">',
    );
    expect(html).toContain('<details class="callout callout-warning" data-callout="warning">\n<summary class="callout-title">Careful</summary>');
    expect(html).toContain(
      '<div class="internal-embed" data-embed-of="Setup.md"><h2 id="embed-1-install">Install</h2>\n<p id="embed-1-^step">Run <strong>it</strong>.</p></div>',
    );
    expect(html).toContain('<td><a class="internal-link" href="/n/Setup.md">alias</a></td>');
    expect(html).toContain('class="dataview-placeholder"');
    for (const hidden of ['private', 'Secret', 'html comment', 'dv.list', 'not embedded', '%%', '<!--']) expect(html).not.toContain(hidden);
  });
});
