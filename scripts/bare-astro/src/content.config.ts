/// <reference types="astro/client" />
// Every markdown file of the vault is an entry; frontmatter is taken as it is (no schema).
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';

const vault = process.env.BARE_VAULT;
if (!vault) throw new Error('BARE_VAULT must name the vault folder (absolute path).');

export const collections = {
  notes: defineCollection({ loader: glob({ pattern: '**/*.md', base: vault }) }),
};
