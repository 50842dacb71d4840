import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/prng';
import { scanPage, tokenizerScan } from './page-scan';
import { scanTags } from './tag-scanner';

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="ja"><head>${head}</head><body>${body}</body></html>`;

/** [what, page, whether the hand scanner reads it (false: it leaves it to the tokenizer)] */
const TRICKY: [string, string, boolean][] = [
  ['entities in href', page('', '<a href="/a?x=1&amp;y=&lt;2&gt;&quot;&apos;">a</a><a href="&#x2F;b&#47;&#X41;">b</a>'), true],
  ['numeric references HTML replaces', page('', '<a href="&#0;&#128;&#x9F;&#xD800;&#1114112;&#99999999999999999999;&#65">x</a>'), true],
  ['references without digits or semicolon', page('', '<a href="&#;&#x;&#xg&#38x & &; &=">x</a>'), true],
  ['a named reference outside the five', page('', '<a href="/a?b&copy=1">x</a>'), false],
  ['named references in attributes the scan does not read', page('', '<span title="&copy; &ampx &nbsp">x</span><a href="/a">a</a>'), true],
  ['unquoted and empty attributes', page('', '<a href=/a/b id=x name =y >a</a><img src = pic.png alt><a name=z>z</a>'), true],
  ['quotes and odd characters in unquoted values', page('', `<a href=/a"b'c<d=e\`f id=q>a</a>`), true],
  ['single quotes holding > and "', page('', `<a href='/a>"b' id='x"y'>a</a>`), true],
  ['no space between attributes', page('', '<a href="/a"id="x"/><a/href="/b">b</a>'), true],
  ['</script inside a string', page('<script>const s = "</scrip" + "t>"; const t = \'</scriptx>\';</script>', '<a href="/after">a</a>'), true],
  ['</SCRIPT > with attributes', page('<script>a()</SCRIPT foo=">" >', '<a href="/z">z</a>'), true],
  ['<!-- in a script', page('<script><!-- <script> </script> x --></script>', '<a href="/z">z</a>'), false],
  ['comments containing tags', page('', '<!-- <a href="/no"> --><!--><a id="a1"><!---><a id="a2"><!-- --!><a id="a3"><!-- -- ><a id="no"> -->'), true],
  ['CDATA and SVG', page('', '<svg><![CDATA[ <a href="/no"> ]]><a xlink:href="#s" href="/svg"/><style>a{}</style><title>t<a id=no></title></svg>'), true],
  ['uppercase tags and attributes', page('', '<A HREF="/A" ID="Big"></A><DIV CLASS="note-body"><SCRIPT>x()</SCRIPT></DIV><SCRIPT>y()</script>'), true],
  ['duplicate attributes: the first wins', page('', '<a href="/first" href="/second" id="one" ID="two">a</a>'), true],
  ['<template>', page('', '<template><a href="/t" id="in-template"></a><script>t()</script></template>'), true],
  [
    'raw-text elements',
    page(
      '<title><a id="no"></title><style>a::after{content:"</p><a href=/no>"}</style>',
      '<textarea><a href="/no"></textarea><xmp><a id=no></xmp><iframe><a id=no></iframe>',
    ),
    true,
  ],
  [
    'the note body: scripts in it are not hashed',
    page('<script>theme()</script>', '<div class="x note-body"><div><script>no()</script></div><div/><script>no()</script></div><script>yes()</script>'),
    true,
  ],
  ['a script with src is not hashed', page('<script src="/a.js"></script><script type="module">m()</script>', ''), true],
  [
    'doctype, processing instruction, bogus end tags',
    `<!doctype html PUBLIC "a>b"><?xml x="<a id=no>"?></ x id=no><a id=y></><html><head></head></html>`,
    true,
  ],
  ['< that is text', page('', 'a < b <3 <= <a id="x">'), true],
  ['CRLF line ends', page('<script>\r\na()\r</script>', '<a\r\nhref="/a">a</a>'), false],
  ['NUL', page('<script>a\0b</script>', '<a href="/a\0">a</a>'), false],
  ['a page cut inside a tag', '<html><head><script>a()</script></head><body><a href="/a" id="x"', true],
  ['a page cut inside a script', '<html><head><script>a()', true],
  ['srcset', page('', '<img srcset="/a.png 1x, b.png 2x,  c.png" src="/d.png">'), true],
  ['non-ASCII and surrogate pairs before <head>', `<!-- 日本語😀 --><html><head id="見出し">`, true],
  ['plaintext', page('', '<plaintext><a href="/no"></plaintext><a id="no">'), true],
];

describe('scanPage', () => {
  it.each(TRICKY)('%s: same scan as the tokenizer', (_what, html, handled) => {
    const expected = tokenizerScan(html);
    expect(scanPage(html)).toEqual(expected);
    if (handled) expect(scanTags(html)).toEqual(expected);
    else expect(scanTags(html)).toBeUndefined();
  });

  it('reads what the tricky pages hold (the comparison is not between two empty scans)', () => {
    const scan = (what: string) => scanPage(TRICKY.find(([w]) => w === what)![1]);
    expect(scan('entities in href').urls).toEqual(['/a?x=1&y=<2>"\'', '/b/A']);
    expect(scan('duplicate attributes: the first wins')).toMatchObject({ urls: ['/first'], ids: new Set(['one']) });
    expect(scan('comments containing tags').ids).toEqual(new Set(['a1', 'a2', 'a3']));
    expect(scan('the note body: scripts in it are not hashed').scriptHashes).toHaveLength(2);
    expect(scan('</SCRIPT > with attributes').urls).toEqual(['/z']);
  });

  it('gives the tokenizer’s scan for random pages made of those pieces', () => {
    let handled = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const html = randomPage(seed);
      const fast = scanTags(html);
      const expected = tokenizerScan(html);
      if (fast) {
        handled++;
        expect({ seed, scan: fast }).toEqual({ seed, scan: expected });
      }
      expect({ seed, scan: scanPage(html) }).toEqual({ seed, scan: expected });
    }
    // Most pieces are ones the scanner reads: most pages must not have gone to the tokenizer.
    expect(handled).toBeGreaterThan(1500);
  });
});

const NAMES = ['a', 'A', 'div', 'DIV', 'span', 'img', 'head', 'script', 'SCRIPT', 'style', 'textarea', 'title', 'svg', 'template', 'p', 'iframe', 'noscript'];
const ATTRIBUTES = ['id', 'ID', 'href', 'HREF', 'src', 'srcset', 'class', 'name', 'title', 'data-x', 'xlink:href', 'poster', '=odd', 'a<b'];
const VALUE_PIECES = [
  '/a/',
  'x',
  ' ',
  'note-body',
  '日本',
  '😀',
  '&amp;',
  '&lt;',
  '&#38;',
  '&#x26;',
  '&#0;',
  '&#150;',
  '&#xDFFF;',
  '&#',
  '&#x;',
  '& ',
  '&=',
  '>',
  '"',
  "'",
  '`',
  '=',
  '/',
  '1x, b.png 2x',
  '#frag',
  '?q=1',
];
const RARE_VALUE_PIECES = ['&copy;', '&amp', '&ampx;', '\r\n', '\0'];
const TEXT_PIECES = [
  'text',
  ' ',
  '\n',
  '<',
  '< 3',
  '</>',
  '</ x>',
  '</3>',
  '<!-- <a href="/c"> -->',
  '<!-->',
  '<!--->',
  '<!-- --!>',
  '<!-- -- >',
  '<!doctype html>',
  '<![CDATA[ <a id=c> ]]>',
  '<?pi <a id=q>?>',
  '日本語',
  '😀',
  '&amp;',
];
const SCRIPT_PIECES = ['a()', '"</scrip" + "t>"', "'</scriptx>'", '</script', '</style>', '<a href="/s">', ' ', '\n'];
const RARE_SCRIPT_PIECES = ['<!--', '\0', '\r\n'];

function randomPage(seed: number): string {
  const random = seededRandom(seed);
  const pieces: string[] = [];
  const value = () => {
    let v = '';
    for (let i = random.int(0, 4); i > 0; i--) v += random.chance(0.03) ? random.pick(RARE_VALUE_PIECES) : random.pick(VALUE_PIECES);
    return v;
  };
  const attribute = () => {
    const name = random.pick(ATTRIBUTES);
    const v = value();
    switch (random.int(0, 4)) {
      case 0:
        return ` ${name}`;
      case 1:
        return ` ${name}="${v.replaceAll('"', '')}"`;
      case 2:
        return ` ${name}='${v.replaceAll("'", '')}'`;
      case 3:
        return ` ${name}=${v.replace(/[\s>]/g, '') || 'u'}`;
      default:
        return `${random.pick(['', ' ', '\n', '/'])}${name} = "${v.replaceAll('"', '')}"${random.pick(['', '/'])}`;
    }
  };
  for (let i = random.int(1, 40); i > 0; i--) {
    const roll = random.next();
    if (roll < 0.35) {
      const name = random.pick(NAMES);
      let attrs = '';
      for (let j = random.int(0, 3); j > 0; j--) attrs += attribute();
      pieces.push(`<${name}${attrs}${random.chance(0.1) ? '/' : ''}>`);
      if (/^(script|style|textarea|title|iframe)$/i.test(name)) {
        for (let j = random.int(0, 4); j > 0; j--) pieces.push(random.chance(0.05) ? random.pick(RARE_SCRIPT_PIECES) : random.pick(SCRIPT_PIECES));
        if (random.chance(0.9)) pieces.push(`</${random.chance(0.5) ? name : name.toUpperCase()}${random.pick(['>', ' >', '/>', ' x=">">'])}`);
      }
    } else if (roll < 0.55) pieces.push(`</${random.pick(NAMES)}${random.chance(0.2) ? attribute() : ''}>`);
    else pieces.push(random.pick(TEXT_PIECES));
  }
  const html = pieces.join('');
  // Some pages end in the middle of something.
  return random.chance(0.15) ? html.slice(0, random.int(0, html.length)) : html;
}
