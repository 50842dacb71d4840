// Attachments used by published notes, copied byte for byte. Unused or private files are never emitted.
import { readFile } from 'node:fs/promises';
import type { GetStaticPaths } from 'astro';
import { config, reserved } from 'virtual:tsunagu/config';
import { getSite } from '../../site/site';

export const getStaticPaths = (async () => {
  const site = await getSite(config, reserved);
  return site.attachments.map((file) => ({ params: { path: file.slug }, props: { absPath: file.absPath } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: { props: { absPath: string } }): Promise<Response> {
  return new Response(await readFile(props.absPath));
}
