import { expect, test } from 'vitest';
import { propertyViews } from './properties';

const published: Record<string, string> = { etaroid: '/people/etaroid/', 'Docker イメージ': '/docker-image/' };
const resolve = (link: { target: string; subpath?: string }) => published[link.target] && published[link.target] + (link.subpath ? `#${link.subpath}` : '');

test('wikilinks in values resolve like links; unpublished or missing targets stay text', () => {
  const views = propertyViews({ author: ['[[etaroid]]', '[[Private]]'], see: 'まず [[Docker イメージ#層|イメージ]] を読む' }, resolve, 'ja');
  expect(views).toEqual([
    { key: 'author', values: [[{ text: 'etaroid', href: '/people/etaroid/' }], [{ text: 'Private' }]] },
    { key: 'see', values: [[{ text: 'まず ' }, { text: 'イメージ', href: '/docker-image/#層' }, { text: ' を読む' }]] },
  ]);
});

test('dates in the site language, with their time when written with one', () => {
  const views = propertyViews({ published: new Date('2019-01-15T00:00:00Z'), datetimeCreate: '2025-07-08 22:51' }, resolve, 'ja');
  expect(views[0].values[0]).toEqual([{ text: '2019年1月15日', datetime: '2019-01-15T00:00:00.000Z' }]);
  expect(views[1].values[0][0].text).toMatch(/^2025年7月8日 22:51$/);
  expect(propertyViews({ published: new Date('2019-01-15T00:00:00Z') }, resolve, 'en')[0].values[0][0].text).toBe('Jan 15, 2019');
});

test('URLs become links; title, tags, publish flags and empty values are left out', () => {
  const views = propertyViews(
    {
      title: 'T',
      tags: ['a'],
      publish: true,
      source: 'https://example.com/a',
      empty: null,
      list: [],
      step: 1,
      done: false,
      roadmap: { skill: 'Docker', levels: [1, 2] },
    },
    resolve,
    'en',
  );
  expect(views).toEqual([
    { key: 'source', values: [[{ text: 'https://example.com/a', href: 'https://example.com/a' }]] },
    { key: 'step', values: [[{ text: '1' }]] },
    { key: 'done', values: [[{ text: 'false' }]] },
    { key: 'roadmap', values: [[{ text: 'skill: Docker, levels: 1, 2' }]] },
  ]);
});

test('an embedded file with a size shows its name, not the size', () => {
  const views = propertyViews({ cover: '![[Bar Chart.png|500]]', icon: '![[etaroid|100x40]]', caption: '![[etaroid|the author]]' }, resolve, 'en');
  expect(views.map((v) => v.values[0])).toEqual([
    [{ text: 'Bar Chart.png' }],
    [{ text: 'etaroid', href: '/people/etaroid/' }],
    [{ text: 'the author', href: '/people/etaroid/' }],
  ]);
});
