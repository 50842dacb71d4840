// Heading ids from the note's one slugger, set at parse time so links, the table of contents and the page agree.
import type { Heading as MdastHeading, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger } from './slug';

/** remark plugin: give every heading `data.hProperties.id`. */
export function remarkHeadingIds() {
  return (tree: Root): undefined => {
    const slugger = createSlugger();
    visit(tree, 'heading', (heading) => {
      const text = headingText(heading);
      if (text) heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: slugger.slug(text) } };
    });
  };
}

/** A heading as plain text: wikilinks as shown, tags as `#tag`, inline HTML left out. */
export function headingText(heading: MdastHeading): string {
  return toString(heading, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

/** The id `remarkHeadingIds` gave a heading. */
export function headingId(heading: MdastHeading): string | undefined {
  const id = heading.data?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
}
