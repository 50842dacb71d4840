// The /glossary/ filter box: narrows the term list as the reader types. Loaded on that page only; without
// JS the box stays hidden and the page is a plain list. Terms carry their folded keys (data-keys, one a
// line), and the query is folded by the same function, so ﾀﾞｲｼﾞｪｽﾄ, だいじぇすと and DIGEST all find ダイジェスト.
import { matchesFilter } from '../glossary/filter-query';

export function enhanceGlossaryFilter(root: HTMLElement): void {
  const box = root.querySelector<HTMLElement>('[data-glossary-filter]');
  const input = box?.querySelector('input');
  const status = root.querySelector<HTMLElement>('[data-glossary-status]');
  if (!box || !input || !status) return;
  const terms = [...root.querySelectorAll<HTMLElement>('[data-keys]')].map((item) => ({ item, keys: item.dataset.keys!.split('\n') }));
  const groups = [...root.querySelectorAll<HTMLElement>('[data-glossary-group]')];

  const apply = () => {
    let shown = 0;
    for (const { item, keys } of terms) {
      item.hidden = !matchesFilter(keys, input.value);
      if (!item.hidden) shown++;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector('[data-keys]:not([hidden])');
      root.querySelector<HTMLElement>(`[data-jump="${group.id}"]`)?.toggleAttribute('hidden', group.hidden);
    }
    const template = shown === 0 ? status.dataset.none! : status.dataset.some!;
    status.textContent = input.value.trim() === '' ? '' : template.replace('{n}', String(shown));
  };

  input.addEventListener('input', apply);
  box.hidden = false;
  // The browser may restore a query typed before going back to this page.
  if (input.value) apply();
}
