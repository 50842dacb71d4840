// dist/graph.json: published notes and their links, for tools and the graph view.
import type { APIContext } from 'astro';

export function GET({ locals }: APIContext): Response {
  return new Response(JSON.stringify(locals.site.graph, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
