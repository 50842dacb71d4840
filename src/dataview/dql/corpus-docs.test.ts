// The fidelity corpus, part two: every DQL query example in Dataview's documentation (docs/docs/queries/*.md,
// reference/*.md, resources/*.md, annotation/*.md) and in the reference sheets, on small vaults shaped like the ones
// the docs describe, with the output the docs show. Where the docs show an older Dataview's output, the expected
// value is what the current plugin renders (reference sheet: "the code wins") and a comment says so. Queries whose
// output depends on the day they run, or that the docs give without output, are checked to render.
import { describe, expect, test } from 'vitest';
import { readView, type View } from '../../../test/helpers/dataview-view';
import { createDataviewEngine } from '../index';
import { FILES, GAMES, MISC, TASKS } from '../../../test/fixtures/dataview-docs-vaults';
import { testLinks } from '../test-vault';

const options = { ...testLinks, timeZone: 'UTC', collationLocale: 'en' };
const engines = {
  games: createDataviewEngine(GAMES, options),
  tasks: createDataviewEngine(TASKS, options),
  misc: createDataviewEngine(MISC, { ...options, readFile: (path: string) => FILES[path] }),
};
type VaultName = keyof typeof engines;

type Expected =
  | { headers?: string[]; rows: string[][] }
  | { items: string[] }
  | { lines: string[] }
  | { dots: number }
  /** Dataview's box for an empty result. */
  | { notice: string }
  /** Dataview itself shows this error. */
  | { error: string };

interface DocCase {
  /** Where the query is in Dataview's docs. */
  doc: string;
  query: string;
  vault: VaultName;
  /** The documented output; absent when the docs show none or it depends on the day. */
  expected?: Expected;
  /** Without SORT the docs' order is the plugin's index order: compare without order. */
  unordered?: boolean;
  origin?: string;
}

const GAME_LINKS = [
  'Classic Cheesecake',
  'Git Basics',
  'How to fix Git Cheatsheet',
  'League of Legends',
  'Pillars of Eternity 2',
  'Stardew Valley',
  'Dashboard',
];

const CASES: DocCase[] = [
  // queries/query-types.md — LIST
  { doc: 'query-types LIST', vault: 'games', query: 'LIST', expected: { items: GAME_LINKS } },
  {
    doc: 'query-types LIST',
    vault: 'games',
    query: 'LIST\nFROM #games/mobas OR #games/crpg',
    expected: { items: ['League of Legends', 'Pillars of Eternity 2'] },
  },
  {
    doc: 'query-types LIST',
    vault: 'games',
    query: 'LIST file.folder',
    expected: {
      items: [
        'Classic Cheesecake: Baking/Recipes',
        'Git Basics: Coding',
        'How to fix Git Cheatsheet: Coding/Cheatsheets',
        'League of Legends: Games',
        'Pillars of Eternity 2: Games',
        'Stardew Valley: Games/finished',
        'Dashboard:',
      ],
    },
  },
  {
    doc: 'query-types LIST',
    vault: 'games',
    query: 'LIST "File Path: " + file.folder + " _(created: " + file.cday + ")_"\nFROM "Games"',
    expected: {
      items: [
        'League of Legends: File Path: Games (created: May 13, 2021)',
        'Pillars of Eternity 2: File Path: Games (created: February 02, 2022)',
        'Stardew Valley: File Path: Games/finished (created: April 04, 2021)',
      ],
    },
  },
  { doc: 'query-types LIST', vault: 'games', query: 'LIST\nGROUP BY type', expected: { items: ['game', 'knowledge', 'moc', 'recipe', 'summary'] } },
  {
    doc: 'query-types LIST',
    vault: 'games',
    query: 'LIST rows.file.link\nGROUP BY type',
    unordered: true,
    expected: {
      items: [
        'game: |Stardew Valley|League of Legends|Pillars of Eternity 2',
        'knowledge: |Git Basics',
        'moc: |Dashboard',
        'recipe: |Classic Cheesecake',
        'summary: |How to fix Git Cheatsheet',
      ],
    },
  },
  { doc: 'query-types LIST WITHOUT ID', vault: 'games', query: 'LIST WITHOUT ID', expected: { items: GAME_LINKS } },
  {
    doc: 'query-types LIST WITHOUT ID',
    vault: 'games',
    query: 'LIST WITHOUT ID type',
    unordered: true,
    expected: { items: ['moc', 'recipe', 'summary', 'knowledge', 'game', 'game', 'game'] },
  },
  {
    doc: 'query-types LIST WITHOUT ID',
    vault: 'games',
    query: 'LIST WITHOUT ID length(rows) + " pages of type " + key\nGROUP BY type',
    expected: { items: ['3 pages of type game', '1 pages of type knowledge', '1 pages of type moc', '1 pages of type recipe', '1 pages of type summary'] },
  },
  // queries/query-types.md — TABLE
  { doc: 'query-types TABLE', vault: 'games', query: 'TABLE', expected: { headers: ['File (7)'], rows: GAME_LINKS.map((name) => [name]) } },
  {
    doc: 'query-types TABLE',
    vault: 'games',
    query: 'TABLE started, file.folder, file.etags\nFROM #games',
    expected: {
      headers: ['File (3)', 'started', 'file.folder', 'file.etags'],
      rows: [
        ['League of Legends', 'May 16, 2021', 'Games', '|#games/mobas'],
        ['Pillars of Eternity 2', 'April 21, 2022', 'Games', '|#games/crpg'],
        ['Stardew Valley', 'April 04, 2021', 'Games/finished', '|#games/simulation'],
      ],
    },
  },
  {
    doc: 'query-types TABLE',
    vault: 'games',
    query: 'TABLE started, file.folder AS Path, file.etags AS "File Tags"\nFROM #games',
    expected: {
      headers: ['File (3)', 'started', 'Path', 'File Tags'],
      rows: [
        ['League of Legends', 'May 16, 2021', 'Games', '|#games/mobas'],
        ['Pillars of Eternity 2', 'April 21, 2022', 'Games', '|#games/crpg'],
        ['Stardew Valley', 'April 04, 2021', 'Games/finished', '|#games/simulation'],
      ],
    },
  },
  // Depends on today (the docs' "1 years, 6 months, 1 weeks" is also an older duration format).
  {
    doc: 'query-types TABLE',
    vault: 'games',
    query: 'TABLE\ndefault(finished, date(today)) - started AS "Played for",\nfile.folder AS Path,\nfile.etags AS "File Tags"\nFROM #games',
  },
  {
    doc: 'query-types TABLE WITHOUT ID',
    vault: 'games',
    query: 'TABLE WITHOUT ID\nsteamid,\nfile.etags AS "File Tags"\nFROM #games',
    unordered: true,
    expected: {
      headers: ['steamid (3)', 'File Tags'],
      rows: [
        ['560130', '|#games/crpg'],
        ['-', '|#games/mobas'],
        ['413150', '|#games/simulation'],
      ],
    },
  },
  {
    doc: 'query-types TABLE WITHOUT ID',
    vault: 'games',
    query: 'TABLE WITHOUT ID\nfile.link AS "Game",\nfile.etags AS "File Tags"\nFROM #games',
    expected: {
      headers: ['Game (3)', 'File Tags'],
      rows: [
        ['League of Legends', '|#games/mobas'],
        ['Pillars of Eternity 2', '|#games/crpg'],
        ['Stardew Valley', '|#games/simulation'],
      ],
    },
  },
  // queries/query-types.md — TASK (each shown task brings its whole subtree; a group's count is its matching rows:
  // the docs' grouped example, which drops completed children and counts 1, shows an older plugin).
  {
    doc: 'query-types TASK',
    vault: 'tasks',
    query: 'TASK\nFROM "Daily"',
    expected: {
      lines: [
        '[ ] Buy new shoes #shopping',
        '[ ] Mail Paul about training schedule',
        '[ ] Finish the math assignment',
        '  [x] Finish Paper 1 dueAugust 13, 2022',
        '  [ ] Read again through chapter 3 dueSeptember 01, 2022',
        '  [x] Write a cheatsheet dueAugust 02, 2022',
        '  [ ] Write a summary of chapter 1-4 dueSeptember 12, 2022',
        '[x] Hand in physics',
        '[ ] Get new pillows for mom #shopping',
        '[x] Buy some working pencils #shopping',
      ],
    },
  },
  {
    doc: 'query-types TASK',
    vault: 'tasks',
    query: 'TASK\nWHERE !completed AND contains(tags, "#shopping")',
    expected: { lines: ['[ ] Buy new shoes #shopping', '[ ] Get new pillows for mom #shopping'] },
  },
  {
    doc: 'query-types TASK',
    vault: 'tasks',
    query: 'TASK\nFROM "Daily"\nWHERE !completed\nGROUP BY file.link',
    expected: {
      lines: [
        '# 2022-07-30 (3)',
        '[ ] Finish the math assignment',
        '  [x] Finish Paper 1 dueAugust 13, 2022',
        '  [ ] Read again through chapter 3 dueSeptember 01, 2022',
        '  [x] Write a cheatsheet dueAugust 02, 2022',
        '  [ ] Write a summary of chapter 1-4 dueSeptember 12, 2022',
        '# 2022-09-21 (2)',
        '[ ] Buy new shoes #shopping',
        '[ ] Mail Paul about training schedule',
        '# 2022-09-27 (1)',
        '[ ] Get new pillows for mom #shopping',
      ],
    },
  },
  {
    doc: 'query-types TASK child tasks',
    vault: 'tasks',
    query: 'TASK\nFROM "House"',
    expected: {
      lines: [
        '[ ] clean up the house',
        '  [ ] kitchen',
        '  [x] living room',
        '  [ ] Bedroom urgenttrue',
        '[ ] Call the insurance about the car',
        '[x] Find out the transaction number',
      ],
    },
  },
  {
    doc: 'query-types TASK child tasks',
    vault: 'tasks',
    query: 'TASK\nFROM "House"\nWHERE !completed',
    expected: { lines: ['[ ] clean up the house', '  [ ] kitchen', '  [x] living room', '  [ ] Bedroom urgenttrue', '[ ] Call the insurance about the car'] },
  },
  { doc: 'query-types TASK child tasks', vault: 'tasks', query: 'TASK\nWHERE urgent', expected: { lines: ['[ ] Bedroom urgenttrue'] } },
  {
    doc: 'reference sheet TASK nesting',
    vault: 'tasks',
    query: 'TASK FROM "Nested" WHERE !completed',
    expected: { lines: ['[ ] top', '  [x] middle', '    [ ] deep'] },
  },
  // queries/query-types.md — CALENDAR
  { doc: 'query-types CALENDAR', vault: 'games', query: 'CALENDAR file.ctime', expected: { dots: 7 } },
  { doc: 'query-types CALENDAR', vault: 'games', query: 'CALENDAR due\nWHERE typeof(due) = "date"', expected: { dots: 1 } },
  // annotation/metadata-tasks.md
  {
    doc: 'metadata-tasks shorthands',
    vault: 'tasks',
    query: 'TASK\nWHERE completion = date("2021-08-22")',
    expected: { lines: ['[x] Completed last saturday ✅2021-08-22', '[x] Some Done Task completionAugust 22, 2021'] },
  },
  { doc: 'metadata-tasks implicit fields', vault: 'tasks', query: 'TASK\nFROM "House"\nWHERE !fullyCompleted', expected: undefined },
  {
    doc: 'metadata-tasks implicit fields',
    vault: 'tasks',
    query: 'LIST\nWHERE any(file.tasks, (t) => !t.fullyCompleted)',
    unordered: true,
    expected: { items: ['2022-09-21', '2022-07-30', '2022-09-27', 'House', 'Project A', 'Project B', 'Nested', '2021-08-22'] },
  },
  // reference/functions.md (meta)
  {
    doc: 'functions meta(link).subpath',
    vault: 'tasks',
    query: 'task\nwhere meta(section).subpath = "Next Actions"',
    expected: { lines: ['[ ] Send an mail to David about the deadline dueApril 05, 2022'] },
  },
  // queries/data-commands.md
  { doc: 'data-commands WHERE', vault: 'games', query: 'LIST WHERE file.mtime >= date(today) - dur(1 day)' },
  { doc: 'data-commands WHERE', vault: 'games', query: 'LIST FROM #projects\nWHERE !completed AND file.ctime <= date(today) - dur(1 month)' },
  {
    doc: 'data-commands FLATTEN',
    vault: 'misc',
    query: 'TABLE authors FROM #LiteratureNote\nFLATTEN authors',
    expected: {
      headers: ['File (7)', 'authors'],
      rows: [
        ['stegEnvironmentalPsychologyIntroduction2018 SN', 'Steg, L.'],
        ['stegEnvironmentalPsychologyIntroduction2018 SN', 'Van den Berg, A. E.'],
        ['stegEnvironmentalPsychologyIntroduction2018 SN', 'De Groot, J. I. M.'],
        ['Soap Dragons SN', 'Robert Lamb'],
        ['Soap Dragons SN', 'Joe McCormick'],
        ['smithPainAssaultSelf2007 SN', 'Jonathan A. Smith'],
        ['smithPainAssaultSelf2007 SN', 'Mike Osborn'],
      ],
    },
  },
  {
    doc: 'data-commands FLATTEN',
    vault: 'misc',
    query: 'table T.text as "Task Text"\nfrom "Scratchpad"\nflatten file.tasks as T\nwhere T.text',
    expected: {
      rows: [
        ['Todo', 'Water the plants'],
        ['Todo', 'Call mum'],
      ],
    },
  },
  {
    doc: 'data-commands FLATTEN',
    vault: 'misc',
    query: 'table filter(file.tasks.text, (t) => t) as "Task Text"\nfrom "Scratchpad"\nwhere file.tasks.text',
    expected: { rows: [['Todo', '|Water the plants|Call mum']] },
  },
  { doc: 'data-commands LIMIT', vault: 'games', query: 'LIST\nLIMIT 5\nSORT date ASCENDING', expected: { items: GAME_LINKS.slice(0, 5) } },
  // queries/structure.md
  { doc: 'structure', vault: 'tasks', query: 'TASK' },
  { doc: 'structure', vault: 'games', query: 'CALENDAR file.cday', expected: { dots: 7 } },
  { doc: 'structure', vault: 'games', query: 'TABLE due, file.tags AS "tags", average(working-hours)' },
  { doc: 'structure', vault: 'misc', query: 'LIST\nFROM "books"', expected: { items: ['Atomic Habits', "Can't Hurt Me", 'Deep Work'] } },
  { doc: 'structure', vault: 'games', query: 'LIST\nFROM #status/open OR #status/wip', expected: { items: [] } },
  {
    doc: 'structure',
    vault: 'games',
    query: 'LIST\nFROM (#assignment AND "30 School") OR ("30 School/32 Homeworks" AND outgoing([[School Dashboard Current To Dos]]))',
    expected: { items: [] },
  },
  { doc: 'structure', vault: 'games', query: 'LIST\nWHERE due AND due < date(today)', expected: { items: ['Dashboard'] } },
  { doc: 'structure', vault: 'games', query: 'LIST\nFROM #status/open\nSORT file.ctime DESC\nLIMIT 10', expected: { items: [] } },
  {
    doc: 'structure',
    vault: 'tasks',
    query: 'TASK\nWHERE !completed\nSORT created ASC\nLIMIT 10\nGROUP BY file.link\nSORT rows.file.ctime ASC',
  },
  {
    doc: 'structure',
    vault: 'games',
    query: 'TABLE recipe-type AS "type", portions, length\nFROM #recipes',
    expected: { headers: ['File (0)', 'type', 'portions', 'length'], rows: [] },
  },
  { doc: 'structure', vault: 'games', query: 'LIST\nFROM #assignments\nWHERE status = "open"', expected: { items: [] } },
  {
    doc: 'structure',
    vault: 'games',
    query: 'TABLE file.ctime, appointment.type, appointment.time, follow-ups\nFROM "30 Protocols/32 Management"\nWHERE follow-ups\nSORT appointment.time',
  },
  {
    doc: 'structure',
    vault: 'misc',
    query: 'TABLE L.text AS "My lists"\nFROM "dailys"\nFLATTEN file.lists AS L\nWHERE contains(L.author, "Surname")',
    expected: { rows: [['2021-08-07', 'Met authorJane Surname today']] },
  },
  {
    doc: 'structure',
    vault: 'misc',
    query:
      'LIST rows.c\nWHERE typeof(contacts) = "array" AND contains(contacts, [[Mr. L]])\nSORT length(contacts)\nFLATTEN contacts as c\nSORT link(c).age ASC',
  },
  // reference/literals.md
  { doc: 'literals', vault: 'misc', query: 'LIST\nWHERE file.day.year = 2021', expected: { items: ['2021-08-07'] } },
  { doc: 'literals', vault: 'misc', query: 'LIST\nWHERE contains(file.name, "Math")', expected: { items: [] } },
  { doc: 'literals', vault: 'misc', query: 'LIST\nFROM [[Study MOC]]', expected: { items: [] } },
  { doc: 'literals', vault: 'tasks', query: 'TASK\nWHERE !completed AND file.day = date(yesterday)' },
  { doc: 'literals', vault: 'misc', query: 'LIST\nWHERE end - start > dur(2 days)', expected: { items: ['Alps'] } },
  // resources/examples.md (its outputs predate duration typing: `15h` in a field is a duration now).
  {
    doc: 'examples',
    vault: 'misc',
    query: 'TABLE\n  time-played AS "Time Played",\n  length AS "Length",\n  rating AS "Rating"\nFROM "games"\nSORT rating DESC',
    unordered: true,
    expected: {
      headers: ['File (3)', 'Time Played', 'Length', 'Rating'],
      rows: [
        ['Outer Wilds', 'November 19th - 21st, 2020', '15 hours', '9.5'],
        ['Minecraft', 'All the time.', '2 months, 3 weeks, 6 days, 8 hours', '9.5'],
        ['Pillars of Eternity 2', 'August - October 2019', '4 days, 4 hours', '9'],
      ],
    },
  },
  // query/queries.md (the docs print "File path:" for the query's "File Path: ").
  {
    doc: 'query/queries',
    vault: 'tasks',
    query: 'LIST "File Path: " + file.path FROM "4. Archive"',
    unordered: true,
    expected: {
      items: [
        '2020-12-18 DN: File Path: 4. Archive/Daily Notes/2020-12-18 DN.md',
        '2020-12-16 DN: File Path: 4. Archive/Daily Notes/2020-12-16 DN.md',
        '2020-12-17 DN: File Path: 4. Archive/Daily Notes/2020-12-17 DN.md',
        '2020-12-15 DN: File Path: 4. Archive/Daily Notes/2020-12-15 DN.md',
      ],
    },
  },
  {
    doc: 'query/queries',
    vault: 'tasks',
    query: 'TABLE file.day, (file.mtime + dur(1 day)) AS next_mtime FROM "4. Archive"\nSORT file.day',
    expected: {
      headers: ['File (4)', 'file.day', 'next_mtime'],
      rows: [
        ['2020-12-15 DN', 'December 15, 2020', '9:30 PM - December 16, 2020'],
        ['2020-12-16 DN', 'December 16, 2020', '9:30 PM - December 17, 2020'],
        ['2020-12-17 DN', 'December 17, 2020', '9:30 PM - December 18, 2020'],
        ['2020-12-18 DN', 'December 18, 2020', '9:30 PM - December 19, 2020'],
      ],
    },
  },
  // The docs show an older plugin that grouped TASK output by file; without GROUP BY it is one list now.
  {
    doc: 'examples',
    vault: 'tasks',
    query: 'TASK FROM "dataview"',
    expected: {
      lines: [
        '[ ] I am a task.',
        '[ ] I am another task.',
        '[ ] I could be a task, though who knows.',
        '  [x] Determine if this is a task.',
        "[x] I'm a finished task.",
      ],
    },
  },
  {
    doc: 'examples',
    vault: 'misc',
    query: 'TABLE file.mtime AS "Last Modified"\nFROM "books"\nSORT file.mtime DESC',
    expected: {
      headers: ['File (3)', 'Last Modified'],
      rows: [
        ['Atomic Habits', '11:06 PM - August 07, 2021'],
        ["Can't Hurt Me", '10:58 PM - August 07, 2021'],
        ['Deep Work', '10:52 PM - August 07, 2021'],
      ],
    },
  },
  {
    doc: 'examples',
    vault: 'misc',
    query: 'LIST file.day WHERE file.day\nSORT file.day DESC',
    expected: { items: ['2021-08-07: August 07, 2021', '2020-08-10: August 10, 2020'] },
  },
  // `srandom` is no Dataview function: the plugin shows this error too.
  {
    doc: 'examples',
    vault: 'misc',
    query: 'LIST\nFLATTEN srandom(dateformat(date(today), "yyyy-MM-dd")) as randomValue\nSORT randomValue\nLIMIT 3',
    expected: { error: "Unrecognized function name 'srandom'" },
  },
  // resources/faq.md
  { doc: 'faq', vault: 'misc', query: 'LIST WITHOUT ID row.where\nWHERE row["where"]', expected: { items: ['here'] } },
  {
    doc: 'faq saved inline DQL',
    vault: 'misc',
    origin: 'Example.md',
    query: 'TABLE start, end, duration\nWHERE duration',
    expected: { headers: ['File (1)', 'start', 'end', 'duration'], rows: [['Example', '7 hours', '18 hours', '9 hours, 30 minutes']] },
  },
  // The FAQ's point: the field holds the inline query's text, not a duration, so this WHERE does not filter it out.
  {
    doc: 'faq saved inline DQL',
    vault: 'misc',
    origin: 'Example.md',
    query: 'TABLE start, end, duration\nWHERE duration > dur("10h")',
    expected: { headers: ['File (1)', 'start', 'end', 'duration'], rows: [['Example', '7 hours', '18 hours', '9 hours, 30 minutes']] },
  },
  // annotation/add-metadata.md and reference/expressions.md
  { doc: 'add-metadata', vault: 'misc', query: 'LIST\nWHERE thoughts.rating = 8', expected: { items: ['Review'] } },
  {
    doc: 'add-metadata field names',
    vault: 'misc',
    query: 'TABLE WITHOUT ID basic-field, bold-field, rating, mood, longkeyidontneedwhenreading, noël, クリスマス, alias, last-reviewed\nFROM "Review"',
    expected: { rows: [['Some random Value', 'Nice!', '9', 'acceptable', 'key', 'Un jeu de console', '家庭用ゲーム機', 'document', 'August 17, 2021']] },
  },
  {
    doc: 'types-of-metadata',
    vault: 'misc',
    query:
      'TABLE WITHOUT ID typeof(ex-text), typeof(ex-number), typeof(ex-decimal), typeof(ex-boolean), typeof(ex-date), typeof(ex-zoned), typeof(ex-duration), typeof(ex-short), typeof(ex-link), typeof(ex-numbers), typeof(ex-words)\nFROM "Types"',
    expected: { rows: [['string', 'number', 'number', 'boolean', 'date', 'date', 'duration', 'duration', 'link', 'array', 'array']] },
  },
  {
    doc: 'types-of-metadata',
    vault: 'misc',
    query: 'TABLE WITHOUT ID ex-number, ex-boolean, ex-date, ex-duration, ex-short, ex-link, ex-numbers, ex-words\nFROM "Types"',
    expected: {
      rows: [
        [
          '-80',
          'false',
          '4:19 AM - April 18, 2021',
          '9 years, 8 months, 4 days, 16 hours, 2 minutes',
          '6 hours, 4 minutes',
          'Render Text',
          '|1|2|3',
          '|yes|or|no',
        ],
      ],
    },
  },
  {
    doc: 'expressions indexing',
    vault: 'misc',
    query: 'TABLE WITHOUT ID episode_metadata["previous"], episode_metadata.next, list(1, 2, 3)[0]\nFROM "Shows"',
    expected: { rows: [['S01E02', 'S01E04', '1']] },
  },
  // Reference sheet §4: CSV sources (rows typed like frontmatter, ids `path#index`, paths beside the note first).
  {
    doc: 'reference sheet csv',
    vault: 'misc',
    query: 'TABLE WITHOUT ID name, price, bought, unit-price, typeof(bought) FROM csv("shop.csv") SORT price DESC',
    expected: {
      rows: [
        ['pear, green', '2', 'August 06, 2021', '3', 'date'],
        ['apple', '1.5', 'August 05, 2021', '-', 'date'],
      ],
    },
  },
  { doc: 'reference sheet csv', vault: 'misc', query: 'LIST FROM csv("shop.csv")', expected: { items: ['shop.csv#0', 'shop.csv#1'] } },
  {
    doc: 'reference sheet csv',
    vault: 'misc',
    origin: 'Trips/Alps.md',
    query: 'LIST WITHOUT ID trip + ": " + cost FROM csv("costs.csv")',
    expected: { items: ['Alps: 1200'] },
  },
  { doc: 'reference sheet csv', vault: 'misc', query: 'LIST FROM csv("Private.csv")', expected: { error: "Failed to load data from path 'Private.csv'." } },
  { doc: 'reference sheet csv', vault: 'misc', query: 'TASK FROM csv("shop.csv")', expected: { notice: 'Dataview: No results to show for task query.' } },
  // reference/sources.md: a folder wins over a note of the same path.
  { doc: 'sources', vault: 'misc', query: 'LIST FROM "Trips"', expected: { items: ['Alps', 'Day out'] } },
  // queries/dql-js-inline.md
  { doc: 'dql-js-inline', vault: 'games', query: 'TABLE rating AS "Rating", summary AS "Summary" FROM #games\nSORT rating DESC' },
];

async function outcome(c: DocCase): Promise<{ ok: true; view: View } | { ok: false; reason: string }> {
  const result = await engines[c.vault].runQuery(c.query, c.origin ?? 'Nowhere.md');
  return result.ok ? { ok: true, view: readView(result.html) } : result;
}

const sorted = (values: string[]) => [...values].sort();
const byText = (rows: string[][]) => [...rows].sort((a, b) => a.join().localeCompare(b.join()));
/** An item without the order of its nested list (`key: |a|b`). */
const sortNested = (item: string) => {
  const [head, ...parts] = item.split('|');
  return [head, ...sorted(parts)].join('|');
};

/** The view in the expected value's shape; without order where the docs' order is the plugin's index order. */
function comparable(view: View, expected: Expected, unordered: boolean): unknown {
  if ('rows' in expected && view.kind === 'table') {
    const rows = unordered ? byText(view.rows) : view.rows;
    return expected.headers ? { headers: view.headers, rows } : { rows };
  }
  if ('items' in expected && view.kind === 'list') return { items: unordered ? sorted(view.items.map(sortNested)) : view.items };
  if ('lines' in expected && view.kind === 'tasks') return { lines: view.lines };
  if ('dots' in expected && view.kind === 'calendar') return { dots: view.dots };
  if ('notice' in expected && view.kind === 'notice') return { notice: view.text };
  return view;
}
function normalised(expected: Expected, unordered: boolean): Expected {
  if (!unordered) return expected;
  if ('rows' in expected) return { ...expected, rows: byText(expected.rows) };
  if ('items' in expected) return { items: sorted(expected.items.map(sortNested)) };
  return expected;
}

describe("Dataview's documented query examples", () => {
  test.each(CASES.map((c) => [`${c.doc}: ${c.query.replace(/\n/g, ' ')}`, c] as const))('%s', async (_name, c) => {
    const result = await outcome(c);
    if (c.expected && 'error' in c.expected) {
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(c.expected.error) });
      return;
    }
    if (!result.ok) throw new Error(result.reason);
    if (!c.expected) return;
    if ('items' in c.expected && c.expected.items.length === 0) {
      expect(result.view).toMatchObject({ kind: 'notice', text: 'Dataview: No results to show for list query.' });
      return;
    }
    expect(comparable(result.view, c.expected, !!c.unordered)).toEqual(normalised(c.expected, !!c.unordered));
  });
});

/** Inline queries (queries/dql-js-inline.md, resources/faq.md): `= expression` in a note, as a reader sees the value. */
const INLINE: [string, string | RegExp][] = [
  ['this.file.name', 'Inline'],
  ['date(today)', /^[A-Z][a-z]+ \d{2}, \d{4}$/],
  ['[[exams]].deadline - date(today)', /^\d+ years?, /],
  ['this.file.mtime', '10:00 AM - November 07, 2022'],
  ['this.someMetadataField', 'on this page'],
  ['[[secondPage]].file.name', 'secondPage'],
  ['[[secondPage]].file.mtime', '9:30 AM - November 06, 2022'],
  ['[[secondPage]].someMetadataField', 'on the second page'],
  ['this.due - date(today)', /^\d+ years?, /],
  ['[[Computer Science Theory]].due - date(today)', /^\d+ years?, /],
  ['choice(this.steps > 10000, "YES!", "**No**, get moving!")', 'YES!'],
  ['length(filter(link(dateformat(date(today), "yyyy-MM-dd")).file.tasks, (t) => !t.completed))', '0'],
  ['choice(date(today).weekday > 5, "Take it easy!", "Time to get work done!")', /^(Take it easy!|Time to get work done!)$/],
];

describe("Dataview's documented inline queries", () => {
  test.each(INLINE)('`= %s`', (expression, expected) => {
    const result = engines.misc.runInline(expression, 'Inline.md');
    if (!result.ok) throw new Error(result.reason);
    const shown = result.html.replace(/<[^>]+>/g, '');
    if (typeof expected === 'string') expect(shown).toBe(expected);
    else expect(shown).toMatch(expected);
  });

  test("the FAQ's calculation saved in a field renders where the note shows the field", () => {
    const result = engines.misc.runInline('this.end - this.start - this.pause', 'Example.md');
    expect(result).toEqual({ ok: true, html: '<span class="dataview dataview-inline-query">9 hours, 30 minutes</span>' });
  });
});

test('every documented query renders a result; the two that fail fail in Dataview too (no srandom, no such CSV)', async () => {
  const outcomes = await Promise.all(CASES.map(outcome));
  const failing = CASES.filter((_c, i) => !outcomes[i].ok).map((c) => c.query);
  expect(failing).toEqual(CASES.filter((c) => c.expected && 'error' in c.expected).map((c) => c.query));
  expect(failing).toHaveLength(2);
});
