import { describe, expect, test } from 'vitest';
import { homeHeadMeta, noteHeadMeta, notePreview } from './page-meta';

const attachments: Record<string, string> = { 'pic.png': '/attachments/pic.png', '画像/表紙.jpg': '/attachments/画像/表紙.jpg' };
const preview = (frontmatter: Record<string, unknown>) => notePreview({ frontmatter }, (target) => attachments[target]);

describe('notePreview', () => {
  test('description as text, whitespace collapsed; a map or an empty one is none', () => {
    expect(preview({ Description: '  A  note\nabout cats ' })).toEqual({ description: 'A note about cats' });
    expect(preview({ description: { a: 1 } })).toEqual({});
    expect(preview({ description: '  ' })).toEqual({});
  });

  test('image or cover: a vault path, a link or an embed resolves to the published attachment', () => {
    expect(preview({ cover: 'pic.png' })).toEqual({ image: '/attachments/pic.png' });
    expect(preview({ image: '[[pic.png]]' })).toEqual({ image: '/attachments/pic.png' });
    expect(preview({ image: '![[画像/表紙.jpg|300]]' })).toEqual({ image: '/attachments/画像/表紙.jpg' });
    expect(preview({ image: '', cover: 'pic.png' })).toEqual({ image: '/attachments/pic.png' });
  });

  test('a URL stays as written; a file that is not a published image is no image', () => {
    expect(preview({ image: 'https://example.com/a.png' })).toEqual({ image: 'https://example.com/a.png' });
    expect(preview({ cover: 'missing.png' })).toEqual({});
    expect(preview({ cover: '[[Some note]]' })).toEqual({});
  });
});

describe('noteHeadMeta', () => {
  const note = { url: '/my-notes/猫/', preview: {} };
  const withSite = { base: '/my-notes/', site: 'https://example.com' };
  const noSite = { base: '/my-notes/', site: undefined };

  test('the frontmatter description wins over the first paragraph, which is cut at 160 characters', () => {
    expect(noteHeadMeta({ ...note, preview: { description: 'Set.' } }, '<p>Body.</p>', noSite).description).toBe('Set.');
    const long = noteHeadMeta(note, `<p>${'あ'.repeat(200)}</p>`, noSite).description!;
    expect(Array.from(long)).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
    expect(noteHeadMeta(note, '<h1>No paragraph</h1>', noSite)).toEqual({ type: 'article' });
  });

  test('with site: canonical and image absolute (percent-encoded); the frontmatter image wins over the body’s', () => {
    const body = '<p>x</p><img src="/my-notes/attachments/in%20body.png" alt="">';
    expect(noteHeadMeta(note, body, withSite)).toEqual({
      type: 'article',
      description: 'x',
      canonical: 'https://example.com/my-notes/%E7%8C%AB/',
      image: 'https://example.com/my-notes/attachments/in%20body.png',
    });
    expect(noteHeadMeta({ ...note, preview: { image: '/my-notes/attachments/cover.png' } }, body, withSite).image).toBe(
      'https://example.com/my-notes/attachments/cover.png',
    );
  });

  test('the body’s image: the note’s own attachment, not a remote one nor one of a transcluded note', () => {
    const embedded = '<div class="internal-embed" data-embed-of="B.md"><div><p>B</p></div><img src="/my-notes/attachments/b.png"></div>';
    const remote = '<img src="https://cdn.example.com/r.png">';
    expect(noteHeadMeta(note, `${remote}${embedded}<p><img src="/my-notes/attachments/a&#x26;b.png"></p>`, withSite).image).toBe(
      'https://example.com/my-notes/attachments/a&b.png',
    );
    expect(noteHeadMeta(note, `${remote}${embedded}`, withSite).image).toBeUndefined();
    // Previews do not show SVG (an Excalidraw export, say): the next image is the one.
    const svg = '<img src="/my-notes/attachments/sketch.excalidraw.svg">';
    expect(noteHeadMeta(note, `${svg}<img src="/my-notes/attachments/a.png">`, withSite).image).toBe('https://example.com/my-notes/attachments/a.png');
  });

  test('without site: no canonical URL, and an image only when it is a URL already', () => {
    expect(noteHeadMeta(note, '<img src="/my-notes/attachments/a.png">', noSite)).toEqual({ type: 'article' });
    expect(noteHeadMeta({ ...note, preview: { image: 'https://example.com/a.png' } }, '', noSite)).toEqual({
      type: 'article',
      image: 'https://example.com/a.png',
    });
  });
});

describe('homeHeadMeta', () => {
  test('the site’s description, canonical with site only', () => {
    expect(homeHeadMeta({ base: '/n/', site: 'https://example.com', description: 'Garden' })).toEqual({
      type: 'website',
      description: 'Garden',
      canonical: 'https://example.com/n/',
    });
    expect(homeHeadMeta({ base: '/', site: undefined, description: '' })).toEqual({ type: 'website' });
  });
});
