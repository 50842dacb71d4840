// What HTML a note may hold: rehype-sanitize's GitHub-like default, widened to what Obsidian shows (DOMPurify's
// defaults: media, iframes, class/style, data-*) and to what tsunagu's renderer emits. Never scripts, event
// handlers, javascript:/data: URLs, srcdoc, forms, objects, embeds or <style>.
import { defaultSchema, type Schema } from 'hast-util-sanitize';

type AttributeDefinitions = NonNullable<Schema['attributes']>[string];

const EXTRA_TAGS = [
  'abbr',
  'article',
  'aside',
  'audio',
  'bdi',
  'bdo',
  'big',
  'caption',
  'center',
  'cite',
  'col',
  'colgroup',
  'dfn',
  'figcaption',
  'figure',
  'font',
  'footer',
  'header',
  'hgroup',
  'iframe',
  'mark',
  'small',
  'time',
  'track',
  'u',
  'video',
  'wbr',
];

const GLOBAL_ATTRIBUTES: AttributeDefinitions = [
  'className',
  'style',
  'role',
  'ariaLabel',
  'ariaHidden',
  'ariaDescribedBy',
  'ariaLabelledBy',
  'data*',
  'loading',
];

const MEDIA = ['src', 'controls', 'preload', 'loop', 'muted', 'playsInline', 'poster'];

/** Our renderer's and Obsidian's classes apply everywhere: drop the default's per-element class allowlists. */
function withoutClassRules(definitions: AttributeDefinitions): AttributeDefinitions {
  return definitions.filter((definition) => (Array.isArray(definition) ? definition[0] : definition) !== 'className');
}

const defaultAttributes = Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, withoutClassRules(list)]));

export function noteSchema(extraTags: string[] = [], extraAttributes: Schema['attributes'] = {}): Schema {
  return {
    ...defaultSchema,
    tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS, ...extraTags],
    // No `user-content-` prefix on ids: heading, block and footnote links need the ids as rendered. `name` keeps
    // the prefix, so an author's <img name=…> cannot shadow document properties (DOM clobbering).
    clobber: ['name'],
    attributes: {
      ...defaultAttributes,
      '*': [...(defaultAttributes['*'] ?? []), ...GLOBAL_ATTRIBUTES],
      img: [...(defaultAttributes.img ?? []), 'srcSet', 'sizes', 'decoding'],
      audio: MEDIA,
      video: MEDIA,
      source: [...(defaultAttributes.source ?? []), 'src', 'type'],
      track: ['src', 'kind', 'srcLang', 'label', 'default'],
      iframe: ['src', 'allow', 'allowFullScreen', 'referrerPolicy'],
      a: [...(defaultAttributes.a ?? []), 'target', 'rel'],
      ...extraAttributes,
    },
    protocols: {
      ...defaultSchema.protocols,
      href: [...(defaultSchema.protocols?.href ?? []), 'tel'],
      poster: ['http', 'https'],
    },
    // Removed with their content: their text is code or styling, not something the author meant to show.
    strip: ['script', 'style', 'template', 'noscript', 'title', 'xmp', 'noembed', 'noframes'],
  };
}
