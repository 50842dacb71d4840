// dist/graph.json: published notes and their links, for tools and the graph view.
import { getSite } from '../site/site';

export async function GET(): Promise<Response> {
  const site = await getSite();
  return new Response(JSON.stringify(site.graph, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
