// First path segments a note's URL must not take: those of the routes Astro resolved (tags, glossary, graph.json…)
// and those of the files the build writes beside them.
import type { IntegrationResolvedRoute } from 'astro';

/** Written by the build, not routes (or by a route with a parameter): search index, lazy client scripts, feeds, the vault's publish.css. */
const WRITTEN_BESIDE_ROUTES = ['pagefind', 'scripts', 'rss.xml', 'sitemap.xml', 'publish.css'];

/** `assets`: Astro's `build.assets` folder (`_astro`). The catch-all note route reserves nothing. */
export function reservedSegments(routes: IntegrationResolvedRoute[], assets: string): string[] {
  const first = routes.flatMap((route) => {
    const [part, ...more] = route.segments[0] ?? [];
    return part && !part.dynamic && more.length === 0 ? [part.content.toLowerCase()] : [];
  });
  return [...new Set([...first, assets, ...WRITTEN_BESIDE_ROUTES])].sort();
}
