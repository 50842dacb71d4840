// Column sort and filter-as-you-type on base tables, added when the reader first hovers or focuses one (loaded by
// BaseTables.astro). Rows are sorted within their group (a group's heading and summary rows stay in place); the
// filter hides the rows whose text does not hold what is typed. Without this script the table is complete.
export interface BaseTableLabels {
  filter: string;
}

const ROWS = ':scope > tr:not(.base-group-heading, .base-summary)';

export function enhanceBaseTables(labels: BaseTableLabels): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('.note-body table.base-table:not([data-enhanced])')) enhance(table, labels);
}

function enhance(table: HTMLTableElement, labels: BaseTableLabels): void {
  table.dataset.enhanced = '';
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  headers.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'base-sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      sortRows(table, column, ascending);
    });
  });
  const filter = document.createElement('input');
  filter.type = 'search';
  filter.className = 'base-filter';
  filter.placeholder = labels.filter;
  filter.setAttribute('aria-label', labels.filter);
  filter.addEventListener('input', () => {
    const query = filter.value.trim().toLocaleLowerCase();
    for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody > tr:not(.base-group-heading, .base-summary)'))
      row.hidden = query !== '' && !(row.textContent ?? '').toLocaleLowerCase().includes(query);
  });
  (table.closest('.base-table-wrap') ?? table).before(filter);
}

function sortRows(table: HTMLTableElement, column: number, ascending: boolean): void {
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  for (const body of table.tBodies) {
    const rows = [...body.querySelectorAll<HTMLTableRowElement>(ROWS)];
    const keyed = rows.map((row, at) => ({ row, at, key: sortKey(row.cells[column]) }));
    keyed.sort((a, b) => {
      // Empty cells last either way, ties in the base's own order.
      if (a.key === undefined || b.key === undefined) return a.key === b.key ? a.at - b.at : a.key === undefined ? 1 : -1;
      const c = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return (ascending ? c : -c) || a.at - b.at;
    });
    body.append(...keyed.map((k) => k.row));
  }
}

/** A date by its datetime, a checkbox by its state, a number as a number, else the text; undefined when empty. */
function sortKey(cell: HTMLTableCellElement | undefined): number | string | undefined {
  if (!cell) return undefined;
  const time = cell.querySelector('time');
  if (time) return Date.parse(time.dateTime);
  const box = cell.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (box) return box.checked ? 1 : 0;
  const text = (cell.textContent ?? '').trim();
  if (text === '') return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : text;
}
