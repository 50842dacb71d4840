// `FROM csv("data.csv")`: a CSV file of the vault as Dataview reads it (src/data-import/csv.ts, with the same parser,
// papaparse): a header row, blank lines skipped, `#` comment lines, numbers and booleans typed; each cell is then
// typed like a frontmatter string (dates, durations, links) and each column is also found under its canonical name.
import Papa from 'papaparse';
import type { DataObject, Value } from './values';

export function parseCsv(text: string, typed: (cell: unknown) => Value, canonical: (key: string) => string): DataObject[] {
  const parsed = Papa.parse<Record<string, unknown>>(text, { header: true, skipEmptyLines: true, comments: '#', dynamicTyping: true });
  return parsed.data.map((cells) => {
    const row: DataObject = {};
    for (const [key, cell] of Object.entries(cells)) {
      const value = typed(cell);
      row[key] = value;
      row[canonical(key)] = value;
    }
    return row;
  });
}
