import type { IntegrationResolvedRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { reservedSegments } from './reserved';

const route = (...parts: { content: string; dynamic: boolean }[][]) =>
  ({ segments: parts.map((p) => p.map((x) => ({ ...x, spread: false }))) }) as IntegrationResolvedRoute;
const fixed = (content: string) => [{ content, dynamic: false }];

describe('reservedSegments', () => {
  it("takes the routes' static first segments, the assets folder and what the build writes beside the routes", () => {
    const routes = [
      route(),
      route([{ content: '...slug', dynamic: true }]),
      route(fixed('tags'), [{ content: '...tag', dynamic: true }]),
      route(fixed('graph.json')),
      route(fixed('Guide')),
      route([
        { content: 'page-', dynamic: false },
        { content: 'n', dynamic: true },
      ]),
    ];
    expect(reservedSegments(routes, '_astro')).toEqual([
      '_astro',
      'graph.json',
      'guide',
      'pagefind',
      'publish.css',
      'rss.xml',
      'scripts',
      'sitemap.xml',
      'tags',
    ]);
  });
});
