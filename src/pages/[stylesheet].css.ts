// dist/publish.css: the vault's publish.css (as Obsidian Publish themes a site), byte for byte, when there is one.
// A file, not inline CSS, so the Content-Security-Policy stays as strict as it is.
import { readFile } from 'node:fs/promises';
import type { GetStaticPaths } from 'astro';
import { config, reserved } from 'virtual:tsunagu/config';
import { getSite } from '../site/site';

export const getStaticPaths = (async () => {
  const site = await getSite(config, reserved);
  return site.publishCss ? [{ params: { stylesheet: 'publish' }, props: { absPath: site.publishCss } }] : [];
}) satisfies GetStaticPaths;

export async function GET({ props }: { props: { absPath: string } }): Promise<Response> {
  return new Response(await readFile(props.absPath), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
