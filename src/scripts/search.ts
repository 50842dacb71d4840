// The search dialog (markup in components/Search.astro): Pagefind's JS API, loaded on first open, behind a small
// keyboard-first UI. ↓/↑ move through results and their headings, Enter opens, Esc closes and focus returns.
import { formatDate } from '../i18n/strings';
import { PARTS_FILE } from '../search/parts';
import { EXCERPT_WORDS, RESULTS_PAGE, SEARCH_RANKING, SUB_RESULTS } from '../search/ranking';
import { runQuery, type RankedSearch } from '../search/run-query';
import type { PagefindFilterCounts, PagefindResult, PagefindWeb } from '../search/pagefind-web';

const TYPING_PAUSE_MS = 120;

export function mountSearch(root: HTMLElement): { open(): void } {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const dialog = $<HTMLDialogElement>('[data-search-dialog]');
  const input = $<HTMLInputElement>('[data-search-input]');
  const status = $<HTMLElement>('[data-search-status]');
  const list = $<HTMLUListElement>('[data-search-results]');
  const more = $<HTMLButtonElement>('[data-search-more]');
  const filterBox = $<HTMLElement>('[data-search-filters]');
  const tagBox = $<HTMLFieldSetElement>('[data-search-tags]');
  const tagList = $<HTMLElement>('[data-search-tag-list]');
  const base = root.dataset.base ?? '/';
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ja';
  // The index's language, which Pagefind splits queries by (a page's own may differ).
  const indexLang = root.dataset.lang === 'en' ? 'en' : 'ja';

  let pagefind: Promise<PagefindWeb> | undefined;
  let current: RankedSearch = { results: [], filters: {} };
  let shown = 0;
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const selectedTags = new Set<string>();

  // The index comes in parts (src/search/index-site.ts): the first is Pagefind's own bundle, the others are merged
  // into it. Each part ranks by its own word counts, so every one needs the same options.
  const loadPagefind = () =>
    (pagefind ??= (async () => {
      const [api, others] = await Promise.all([
        import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindWeb>,
        fetch(`${base}pagefind/${PARTS_FILE}`, { cache: 'no-cache' }).then((response) => {
          if (!response.ok) throw new Error(`${PARTS_FILE}: ${response.status}`);
          return response.json() as Promise<{ parts: string[] }>;
        }),
      ]);
      const options = { baseUrl: base, excerptLength: EXCERPT_WORDS, ranking: SEARCH_RANKING };
      await api.options(options);
      await Promise.all(others.parts.map((part) => api.mergeIndex(`${base}pagefind/${part}`, options)));
      await api.filters(); // loads the filter indexes, so each search counts its results' tags
      return api;
    })());

  const say = (text: string) => {
    status.textContent = text;
  };

  async function search(): Promise<void> {
    const query = input.value;
    const mine = ++generation;
    if (!query.trim()) return show({ results: [], filters: {} }, mine, '');
    try {
      const kind = root.querySelector<HTMLInputElement>('[name="search-kind"]:checked')?.value ?? '';
      const found = await runQuery(await loadPagefind(), query, { kind: kind ? [kind] : [], tag: [...selectedTags] }, indexLang);
      await show(found, mine, query);
    } catch {
      if (mine !== generation) return;
      list.removeAttribute('aria-busy');
      say(status.dataset.unavailable!);
    }
  }

  async function show(found: RankedSearch, mine: number, query: string): Promise<void> {
    if (mine !== generation) return;
    current = found;
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    renderTags(found.filters);
    filterBox.hidden = !query.trim();
    const count = found.results.length;
    list.removeAttribute('aria-busy');
    say(!query.trim() ? '' : count ? status.dataset.some!.replace('{n}', String(count)) : status.dataset.none!);
  }

  async function showMore(mine = generation): Promise<void> {
    const batch = current.results.slice(shown, shown + RESULTS_PAGE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (mine !== generation) return;
    list.append(...data.map(resultItem));
    shown += batch.length;
    more.hidden = shown >= current.results.length;
  }

  function resultItem(result: PagefindResult): HTMLLIElement {
    const item = element('li', 'search-hit');
    const link = element('a', 'search-hit-link');
    link.href = result.url;
    const title = element('span', 'search-hit-title', result.meta.title ?? result.url);
    if (result.filters.kind?.includes(list.dataset.term!)) title.append(element('span', 'search-hit-kind', list.dataset.term));
    const details = [
      result.meta.modified && `${list.dataset.modified} ${formatDate(result.meta.modified, lang)}`,
      ...(result.filters.tag ?? []).map((tag) => `#${tag}`),
    ];
    link.append(title, excerpt(result.excerpt), element('span', 'search-hit-meta', details.filter(Boolean).join(' · ')));
    item.append(link);
    const headings = result.sub_results.filter((sub) => sub.url !== result.url && sub.url.includes('#')).slice(0, SUB_RESULTS);
    if (headings.length) {
      const subs = element('ul', 'search-subs');
      for (const sub of headings) {
        const subLink = element('a', 'search-sub-link');
        subLink.href = sub.url;
        subLink.append(element('span', 'search-sub-title', sub.title), excerpt(sub.excerpt));
        const subItem = element('li');
        subItem.append(subLink);
        subs.append(subItem);
      }
      item.append(subs);
    }
    return item;
  }

  /** Tags of the current results, as checkboxes; a checked tag stays while it narrows the results to nothing. */
  function renderTags(counts: PagefindFilterCounts): void {
    const tags = Object.entries(counts.tag ?? {})
      .filter(([tag, n]) => n > 0 || selectedTags.has(tag))
      .sort((a, b) => b[1] - a[1]);
    tagList.replaceChildren(
      ...tags.map(([tag, n]) => {
        const label = element('label', 'search-tag');
        const box = element('input');
        box.type = 'checkbox';
        box.value = tag;
        box.checked = selectedTags.has(tag);
        label.append(box, `#${tag}`, element('span', 'search-tag-count', String(n)));
        return label;
      }),
    );
    tagBox.hidden = tags.length === 0;
  }

  /** Results and their headings, in reading order: what ↓ and ↑ move through. */
  const items = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  function onKeydown(event: KeyboardEvent): void {
    const links = items();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    // Esc, and giving focus back on close, belong to the loader in Search.astro: they work before this script loads.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const onInput = document.activeElement === input;
      if (!onInput && at < 0) return; // arrows keep their meaning in the filters
      event.preventDefault();
      if (event.key === 'ArrowDown') links[onInput ? 0 : Math.min(at + 1, links.length - 1)]?.focus();
      else if (at > 0) links[at - 1].focus();
      else input.focus();
    } else if (event.key === 'Enter' && document.activeElement === input) {
      event.preventDefault();
      clearTimeout(typingTimer);
      void search().then(() => items()[0]?.click());
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus(); // typing on a result goes on with the query
    }
  }

  input.addEventListener('input', () => {
    list.setAttribute('aria-busy', 'true');
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void search(), TYPING_PAUSE_MS);
  });
  filterBox.addEventListener('change', (event) => {
    list.setAttribute('aria-busy', 'true');
    const box = event.target as HTMLInputElement;
    if (box.type === 'checkbox') {
      if (box.checked) selectedTags.add(box.value);
      else selectedTags.delete(box.value);
    }
    void search();
  });
  more.addEventListener('click', () => {
    const firstNew = shown;
    void showMore().then(() => list.children[firstNew]?.querySelector('a')?.focus());
  });
  dialog.addEventListener('keydown', onKeydown);
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });

  return {
    /** The loader has opened the dialog: search what is typed so far. */
    open() {
      if (!pagefind) say(status.dataset.loading!);
      loadPagefind().then(
        () => search(),
        () => say(status.dataset.unavailable!),
      );
    },
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that, as nodes. */
function excerpt(html: string): HTMLElement {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  const out = element('span', 'search-excerpt');
  for (const node of parsed.content.childNodes) {
    out.append(node.nodeName === 'MARK' ? element('mark', undefined, node.textContent ?? '') : (node.textContent ?? ''));
  }
  return out;
}
