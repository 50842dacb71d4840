// What a body's HTML depends on besides its own tree: the questions rendering asked the site (a link's target, an
// embedded note's tree, a tag's URL, a canvas embed…), each with a digest of the answer. Asked again of the next
// build's site, equal digests mean an equal body: embeds of embeds and renamed link targets are covered without a
// list of what a note depends on. Only questions the note's own render asks are kept: an answer computed from
// further questions (a canvas embed drawing its cards) is covered by its own digest.
import type { KindSite } from '../kinds/kind';
import type { RenderContext, RenderLink, RenderTarget } from '../markdown/render';
import { buildNonce } from '../safety/trusted';
import { cacheHash } from '../vault/cache-file';

export type Question =
  | { ask: 'href'; id: string; subpath?: string }
  | { ask: 'resolve'; noteId: string; link: RenderLink }
  | { ask: 'tagHref'; noteId: string; tag: string }
  | { ask: 'embedTree'; noteId: string; id: string; subpath?: string }
  | { ask: 'embedFile'; noteId: string; target: RenderTarget; display?: string };

export interface Asked {
  question: Question;
  answer: string;
}

export interface RenderInputs {
  asked: Asked[];
  /** False once the render read something no question covers (every published note): its body is not kept. */
  replayable: boolean;
}

/** The one way a question is answered, when recording it and when asking it again. */
function answer(site: KindSite, question: Question): unknown {
  if (question.ask === 'href') return site.href(question.id, question.subpath);
  const ctx = site.renderContext(question.noteId);
  switch (question.ask) {
    case 'resolve':
      return ctx.resolve(question.link);
    case 'tagHref':
      return ctx.tagHref(question.tag);
    case 'embedTree':
      return ctx.embedTree(question.id, question.subpath);
    case 'embedFile':
      return ctx.embedFile?.(question.target, question.display);
  }
}

/**
 * Digests of JSON values; a tree asked for by many notes is hashed once per build. The build's trust nonce
 * (safety/trusted.ts) differs in every process and never reaches the HTML, so it is replaced by a character JSON
 * text never holds raw: a wrapper an author wrote cannot digest like the build's own.
 */
export function answerDigests(): (value: unknown) => string {
  const nonce = buildNonce();
  const known = new WeakMap<object, string>();
  return (value) => {
    const cached = typeof value === 'object' && value !== null ? known.get(value) : undefined;
    if (cached !== undefined) return cached;
    const digest = cacheHash(value === undefined ? 'undefined' : JSON.stringify(value).replaceAll(nonce, '\0'));
    if (typeof value === 'object' && value !== null) known.set(value, digest);
    return digest;
  };
}

/** `site`, recording every question its render contexts are asked. */
export function recordingSite(site: KindSite, digest: (value: unknown) => string): { site: KindSite; inputs: RenderInputs } {
  const inputs: RenderInputs = { asked: [], replayable: true };
  const ask = <T>(question: Question): T => {
    const value = answer(site, question);
    inputs.asked.push({ question, answer: digest(value) });
    return value as T;
  };
  const renderContext = (noteId: string): RenderContext => {
    const ctx = site.renderContext(noteId);
    return {
      noteId,
      lang: ctx.lang,
      strictLineBreaks: ctx.strictLineBreaks,
      resolve: (link) => ask({ ask: 'resolve', noteId, link: { ...link } }),
      tagHref: (tag) => ask({ ask: 'tagHref', noteId, tag }),
      embedTree: (id, subpath) => ask({ ask: 'embedTree', noteId, id, ...(subpath === undefined ? {} : { subpath }) }),
      ...(ctx.embedFile
        ? { embedFile: (target, display) => ask({ ask: 'embedFile', noteId, target: { ...target }, ...(display === undefined ? {} : { display }) }) }
        : {}),
    };
  };
  const recording: KindSite = {
    lang: site.lang,
    renderContext,
    href: (id, subpath) => ask({ ask: 'href', id, ...(subpath === undefined ? {} : { subpath }) }),
    get notes() {
      inputs.replayable = false;
      return site.notes;
    },
  };
  return { site: recording, inputs };
}

/** Whether `site` answers every question as the site the body was rendered from did. */
export function answersHold(asked: readonly Asked[], site: KindSite, digest: (value: unknown) => string): boolean {
  return asked.every(({ question, answer: was }) => digest(answer(site, question)) === was);
}
