// Hover previews: on a pointer device, hovering a link to another note of the site shows that note's first
// paragraphs (or the linked section), fetched from its page once.
const SHOW_DELAY_MS = 300;
const HIDE_DELAY_MS = 250;
const MAX_BLOCKS = 3;
const BLOCKS = 'p, ul, ol, blockquote, pre, table, .callout';

const pages = new Map<string, Promise<Document | undefined>>();
let popup: HTMLElement | undefined;
let current: HTMLAnchorElement | undefined;
let showTimer: ReturnType<typeof setTimeout> | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** Starts listening; `first` is the link whose hover loaded this script. */
export function enablePreviews(first: HTMLAnchorElement): void {
  addEventListener('pointerover', (event) => {
    const target = event.target as Element;
    if (popup?.contains(target)) return clearTimeout(hideTimer);
    const link = target.closest?.('[data-previews] a[href]');
    if (link instanceof HTMLAnchorElement && link !== current) schedule(link);
  });
  addEventListener('pointerout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (current && !current.contains(to) && !popup?.contains(to)) scheduleHide();
  });
  addEventListener('keydown', (event) => event.key === 'Escape' && hide());
  if (first.matches(':hover')) schedule(first);
}

/** A page of this site that is not the current one, not an attachment, not a tag list. */
function pageUrl(link: HTMLAnchorElement): URL | undefined {
  const base = link.closest<HTMLElement>('[data-previews]')?.dataset.base ?? '/';
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(base) || url.pathname === location.pathname) return undefined;
  const firstSegment = url.pathname.slice(base.length).split('/')[0];
  return ['attachments', 'tags', 'graph', 'pagefind', '_astro'].includes(firstSegment) || /\.[a-z0-9]+$/i.test(url.pathname) ? undefined : url;
}

function schedule(link: HTMLAnchorElement): void {
  const url = pageUrl(link);
  if (!url) return;
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  current = link;
  showTimer = setTimeout(async () => {
    const content = excerpt(await fetchPage(url), url.hash);
    if (current === link && content) show(link, content);
  }, SHOW_DELAY_MS);
}

function fetchPage(url: URL): Promise<Document | undefined> {
  const key = url.pathname;
  if (!pages.has(key)) {
    pages.set(
      key,
      fetch(key)
        .then(async (response) => (response.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : undefined))
        .catch(() => undefined),
    );
  }
  return pages.get(key)!;
}

/** The title and the first blocks of the note, or of the section the link points to. */
function excerpt(page: Document | undefined, hash: string): DocumentFragment | undefined {
  const body = page?.querySelector('.note-body');
  if (!page || !body) return undefined;
  const fragment = document.createDocumentFragment();
  const title = document.createElement('p');
  title.className = 'hover-preview-title';
  title.textContent = page.querySelector('h1')?.textContent ?? '';
  fragment.append(title);
  const heading = hash ? body.querySelector(`[id="${CSS.escape(decodeURIComponent(hash.slice(1)))}"]`) : null;
  const blocks = heading ? sectionBlocks(heading) : [...body.children].filter((el) => el.matches(BLOCKS));
  for (const block of blocks.slice(0, MAX_BLOCKS)) fragment.append(cleaned(block));
  return blocks.length ? fragment : undefined;
}

function sectionBlocks(heading: Element): Element[] {
  const blocks: Element[] = [heading];
  for (let el = heading.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) if (el.matches(BLOCKS)) blocks.push(el);
  return blocks;
}

/** A copy without ids (they belong to the other page) and without links that would open previews in previews. */
function cleaned(block: Element): Node {
  const copy = document.importNode(block, true) as Element;
  for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
  // Formulas as their MathML, which browsers draw natively: this page may not load KaTeX's stylesheet.
  for (const katex of copy.querySelectorAll('.katex')) katex.replaceWith(katex.querySelector('math') ?? '');
  for (const el of copy.querySelectorAll('script, style, svg, figure.mermaid-diagram, .canvas-board')) el.remove();
  return copy;
}

function show(link: HTMLAnchorElement, content: DocumentFragment): void {
  popup ??= Object.assign(document.body.appendChild(document.createElement('div')), { className: 'hover-preview', role: 'tooltip' });
  popup.replaceChildren(content);
  popup.hidden = false;
  const box = link.getBoundingClientRect();
  const width = Math.min(popup.offsetWidth, document.documentElement.clientWidth - 16);
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  const below = box.bottom + 8 + popup.offsetHeight < innerHeight;
  popup.style.left = `${left + scrollX}px`;
  popup.style.top = `${(below ? box.bottom + 8 : box.top - 8 - popup.offsetHeight) + scrollY}px`;
}

function scheduleHide(): void {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, HIDE_DELAY_MS);
}

function hide(): void {
  clearTimeout(showTimer);
  current = undefined;
  if (popup) popup.hidden = true;
}
