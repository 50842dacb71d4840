import { describe, expect, it } from 'vitest';
import { snapshot } from '../../test/fixtures/bases/snapshot';
import { Evaluator } from './evaluate';
import { parseExpression } from './parse-expression';
import { DateValue, DurationValue, ErrorValue, FileValue, LinkValue, toText, type Value } from './values';

const NOW = Date.UTC(2024, 2, 15, 10, 30); // 2024-03-15 10:30 UTC, the "build time"

function run(src: string, row = 'Books/Dune.md', self: string | null = 'People/Frank Herbert.md', formulas: Record<string, string> = {}): Value {
  const ev = new Evaluator({
    snapshot,
    now: NOW,
    locale: 'en',
    baseFile: 'Books.base',
    thisEntry: self ? snapshot.byId.get(self) : undefined,
    formulas: new Map(Object.entries(formulas).map(([k, v]) => [k, parseExpression(v)])),
  });
  return ev.value(parseExpression(src), snapshot.byId.get(row));
}
const text = (src: string, row?: string) => toText(run(src, row));
const iso = (v: Value) => (v instanceof DateValue ? new Date(v.ms).toISOString() : `not a date: ${toText(v)}`);
const errorOf = (v: Value) => (v instanceof ErrorValue ? v.message : `no error: ${toText(v)}`);

describe('literals and operators', () => {
  it('reads numbers, strings, booleans, null, lists, objects and regexps', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 % 4 - -1')).toBe(3);
    expect(run(`'a' + "b"`)).toBe('ab');
    expect(run('[1, 2, [3]]')).toEqual([1, 2, [3]]);
    expect(run('{"a": 1, b: "x"}')).toEqual({ a: 1, b: 'x' });
    expect(run('null')).toBe(null);
    expect(run('/a+/i.matches("xAAy")')).toBe(true);
    expect(run('10 / 2 / 5')).toBe(1);
  });
  it('follows JavaScript precedence for comparison and logic', () => {
    expect(run('1 < 2 == true')).toBe(true);
    expect(run('true || false && false')).toBe(true);
    expect(run('!false && 1 + 1 == 2')).toBe(true);
    expect(run('!(1 > 2)')).toBe(true);
    expect(run('0 || "x"')).toBe('x');
    expect(run('"" && "x"')).toBe('');
  });
  it('coerces numeric strings in arithmetic and comparison, concatenates with +', () => {
    expect(run('price * 2')).toBe(25);
    expect(run('price > 12')).toBe(true);
    expect(run('price == 12.5')).toBe(true);
    expect(run('"$" + (2.5).toFixed(2)')).toBe('$2.50');
    expect(run('rating + " stars"')).toBe('5 stars');
    expect(errorOf(run('"abc" * 2'))).toMatch(/not a number/);
  });
  it('treats missing properties as null: falsy, empty, never ordered', () => {
    expect(run('missing')).toBe(null);
    expect(run('missing > 1')).toBe(false);
    expect(run('missing < 1')).toBe(false);
    expect(run('missing == null')).toBe(true);
    expect(run('missing.isEmpty()')).toBe(true);
    expect(run('missing * 2')).toBe(null);
    expect(run('if(missing, "y", "n")')).toBe('n');
    expect(run('if(missing, "y")')).toBe(null);
    // A method of a missing value is missing (an empty cell, a falsy filter); an unknown method is still an error.
    expect(run('missing.lower()')).toBe(null);
    expect(run('missing.contains("x")')).toBe(null);
    expect(run('!missing.contains("x")')).toBe(true);
    expect(run('(now() - missing).years.floor()')).toBe(null);
    expect(errorOf(run('missing.frobnicate()'))).toMatch(/unknown function frobnicate/);
  });
  it('reads note., bare, bracketed and file. properties', () => {
    expect(run('note.rating')).toBe(5);
    expect(run('Rating')).toBe(5);
    expect(run('note["unit price"]', 'Books/Emma.md')).toBe(4);
    expect(run('file.name')).toBe('Dune.md');
    expect(run('file.basename')).toBe('Dune');
    expect(run('file.path')).toBe('Books/Dune.md');
    expect(run('file.folder')).toBe('Books');
    expect(run('file.ext')).toBe('md');
    expect(run('file.size')).toBe(1200);
    expect(iso(run('file.ctime'))).toBe('2024-01-31T00:00:00.000Z');
    expect(iso(run('file.mtime'))).toBe('2024-03-01T00:00:00.000Z');
    expect(run('file.tags')).toEqual(['#book', '#sf/classic']);
    expect(run('file.properties.rating')).toBe(5);
    expect(run('file.backlinks.length')).toBe(1);
    expect(run('file.embeds[0].asFile().ext')).toBe('png');
    expect(run('file.file.name')).toBe('Dune.md');
    expect(run('note.rating', 'cover.png')).toBe(null);
  });
  it('indexes lists and strings, negative indexes from the end', () => {
    expect(run('genres[0]')).toBe('sf');
    expect(run('genres[-1]')).toBe('classic');
    expect(run('genres[5]')).toBe(null);
    expect(run('"abc"[1]')).toBe('b');
  });
});

describe('dates and durations', () => {
  it('adds duration strings, months on the calendar (across month ends)', () => {
    expect(iso(run('date("2024-12-01") + "1M" + "4h" + "3m"'))).toBe('2025-01-01T04:03:00.000Z');
    expect(iso(run('date("2024-01-31") + "1M"'))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(run('date("2023-01-31") + "1 month"'))).toBe('2023-02-28T00:00:00.000Z');
    expect(iso(run('date("2024-03-31") - "1M"'))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(run('date("2024-02-28") + "2 days"'))).toBe('2024-03-01T00:00:00.000Z');
    expect(iso(run('date("2024-12-31") + "1d"'))).toBe('2025-01-01T00:00:00.000Z');
    expect(iso(run('finished + "1y"'))).toBe('2025-01-31T00:00:00.000Z');
    expect(iso(run('today() + "7d"'))).toBe('2024-03-22T00:00:00.000Z');
    expect(iso(run('now() - "2h"'))).toBe('2024-03-15T08:30:00.000Z');
    expect(iso(run('now() + duration("1w") * 2'))).toBe('2024-03-29T10:30:00.000Z');
  });
  it('subtracts dates into durations with total fields', () => {
    expect(run('((now() + "1d") - now()).milliseconds')).toBe(86_400_000);
    expect(run('(today() - finished).days')).toBe(44);
    expect(run('(today() - date("2024-02-15")).days.round(0)')).toBe(29);
    expect(Math.floor(run('(now() - date(this.born)).years') as number)).toBe(103);
    expect(run('date("2024-03-01") - date("2024-02-01")')).toBeInstanceOf(DurationValue);
    expect(errorOf(run('date("2024-01-01") + "3 parsecs"'))).toMatch(/not a duration/);
  });
  it('has fields, format (Moment tokens), time, date, relative', () => {
    expect(run('finished.year')).toBe(2024);
    expect(run('finished.month')).toBe(1);
    expect(run('finished.day')).toBe(31);
    expect(run('now().hour')).toBe(10);
    expect(run('now().format("YYYY-MM-DD HH:mm dddd Do MMM")')).toBe('2024-03-15 10:30 Friday 15th Mar');
    expect(run('now().format("[Week of] D/M/YY")')).toBe('Week of 15/3/24');
    expect(run('now().time()')).toBe('10:30:00');
    expect(iso(run('now().date()'))).toBe('2024-03-15T00:00:00.000Z');
    expect(run('date("2024-03-12").relative()')).toBe('3 days ago');
    expect(run('finished.isEmpty()')).toBe(false);
    expect(run('finished < today()')).toBe(true);
    expect(run('finished == date("2024-01-31")')).toBe(true);
    expect(run('date("2024-05-01T10:00:00+02:00").hour')).toBe(8);
    expect(errorOf(run('date("soon")'))).toMatch(/not a date/);
  });
});

describe('global functions', () => {
  it('reads the first beta’s syntax: property.x, contains(x, y), not(x), concat(…)', () => {
    expect(run('property.rating')).toBe(5);
    expect(run('contains(genres, "sf")')).toBe(true);
    expect(run('contains(file.name, "Dun")')).toBe(true);
    expect(run('contains(missing, "x")')).toBe(false);
    // `"[[X]]"` compares as the link it writes, so it matches a property's link to X.
    expect(run('contains(list(author), "[[Frank Herbert]]")')).toBe(true);
    expect(run('contains(list(author), concat("[[", this.file.basename, "]]"))')).toBe(true);
    expect(run('not(contains(file.name, "Template"))')).toBe(true);
  });
  it('number, list, max, min, escapeHTML, random', () => {
    expect(run('number("3.5") + 1')).toBe(4.5);
    expect(run('number(true)')).toBe(1);
    expect(run('number(date("1970-01-02"))')).toBe(86_400_000);
    expect(errorOf(run('number("x")'))).toMatch(/not a number/);
    expect(run('list(genres)')).toEqual(['sf', 'classic']);
    expect(run('list(genres)', 'Books/Emma.md')).toEqual(['romance']);
    expect(run('list(missing)')).toEqual([]);
    expect(run('max(1, 7, 3)')).toBe(7);
    expect(run('min(4, 2, 9)')).toBe(2);
    expect(run('escapeHTML("<b>&")')).toBe('&#60;b&#62;&#38;');
    const r = run('random()') as number;
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(1);
    expect(errorOf(run('frobnicate(1)'))).toMatch(/unknown function frobnicate/);
  });
  it('link and file resolve against published files only', () => {
    const link = run('link("Dune")');
    expect(link).toBeInstanceOf(LinkValue);
    expect((link as LinkValue).id).toBe('Books/Dune.md');
    expect(run('link("Dune", "the book")')).toEqual(new LinkValue('Dune', 'the book', 'Books/Dune.md'));
    expect(run('link("Secret")')).toEqual(new LinkValue('Secret', undefined, undefined));
    expect(run('file("Secret")')).toBe(null);
    expect(run('file(link("[[Dune]]")).name')).toBe('Dune.md');
    expect(run('file("Books/Emma.md").basename')).toBe('Emma');
    expect(run('image("cover.png")')).toMatchObject({ kind: 'image', value: 'cover.png' });
    expect(run('icon("star")')).toMatchObject({ kind: 'icon', value: 'star' });
    expect(run('link("Dune", icon("star"))')).toEqual(new LinkValue('Dune', undefined, 'Books/Dune.md'));
  });
});

describe('links, files and this', () => {
  it('compares links with links, files and this', () => {
    expect(run('author == this')).toBe(true);
    expect(run('author == link("Frank Herbert")')).toBe(true);
    // A link equals the text it was written with (lenient, as authors compare with strings).
    expect(run('author == "Frank Herbert"')).toBe(true);
    expect(run('author == "Jane Austen"')).toBe(false);
    expect(run('list(author).contains(this)')).toBe(true);
    expect(run('list(author).contains(this)', 'Books/Emma.md')).toBe(false);
    expect(run('author == file("People/Frank Herbert.md")')).toBe(true);
    expect(run('link("Nowhere") == link("Nowhere")')).toBe(true);
    expect(run('link("Nowhere") == link("Elsewhere")')).toBe(false);
    expect(run('file == link("Dune")')).toBe(true);
    expect(run('this.file.name')).toBe('Frank Herbert.md');
    expect(iso(run('this.born'))).toBe('1920-10-08T00:00:00.000Z');
    expect(run('this == null', 'Books/Dune.md', null)).toBe(true);
  });
  it('link methods and file methods', () => {
    expect(run('author.asFile().folder')).toBe('People');
    expect(run('author.linksTo(file("Books/Dune.md"))')).toBe(true);
    expect(run('author.born.year')).toBe(1920);
    expect(run('author.containsAny("Frank", "x")')).toBe(true);
    expect(run('file.hasLink(this)')).toBe(true);
    expect(run('file.hasLink(this.file)')).toBe(true);
    expect(run('file.hasLink("Frank Herbert")')).toBe(true);
    // The link to the unpublished note is left out of the snapshot: not listed, not counted, not matched.
    expect(run('file.hasLink(link("Secret"))', 'Books/Emma.md')).toBe(false);
    expect(run('file.links.length', 'Books/Emma.md')).toBe(0);
    expect(run('link("Secret").asFile()')).toBe(null);
    expect(run('file.hasTag("sf")')).toBe(true);
    expect(run('file.hasTag("classic")')).toBe(false);
    expect(run('file.hasTag("x", "#BOOK")')).toBe(true);
    expect(run('file.hasProperty("Rating")')).toBe(true);
    expect(run('file.inFolder("Books")')).toBe(true);
    expect(run('file.inFolder("Boo")')).toBe(false);
    expect(run('file.asLink("D")')).toEqual(new LinkValue('Books/Dune.md', 'D', 'Books/Dune.md'));
    expect(run('file')).toBeInstanceOf(FileValue);
    expect(run('this.file.hasTag("person")')).toBe(true);
  });
});

describe('string, number, list, object, any', () => {
  it('string methods', () => {
    expect(run('"Hello world".contains("lo w")')).toBe(true);
    expect(run('"abc".containsAll("a", "c")')).toBe(true);
    expect(run('"abc".containsAny("x", "y")')).toBe(false);
    expect(run('"abc".startsWith("ab") && "abc".endsWith("bc")')).toBe(true);
    expect(run('"ABC".lower()')).toBe('abc');
    expect(run('"the quick fox".title()')).toBe('The Quick Fox');
    expect(run('"  x ".trim()')).toBe('x');
    expect(run('"abc".reverse()')).toBe('cba');
    expect(run('"ab".repeat(3)')).toBe('ababab');
    expect(run('"a:b:c".replace(":", "-")')).toBe('a-b-c');
    expect(run('"a:b:c".replace(/:/, "-")')).toBe('a-b:c');
    expect(run('"a:b:c".replace(/:/g, "-")')).toBe('a-b-c');
    expect(run('"2024-05".replace(/(\\d+)-(\\d+)/, "$2/$1")')).toBe('05/2024');
    expect(run('"hello".slice(1, 3)')).toBe('el');
    expect(run('"a,b,c,d".split(",", 3)')).toEqual(['a', 'b', 'c']);
    expect(run('"a1b2c".split(/\\d/)')).toEqual(['a', 'b', 'c']);
    expect(run('"hello".length')).toBe(5);
    expect(run('"".isEmpty()')).toBe(true);
  });
  it('number methods', () => {
    expect(run('(-5).abs()')).toBe(5);
    expect(run('(2.1).ceil()')).toBe(3);
    expect(run('(2.9).floor()')).toBe(2);
    expect(run('(2.3333).round(2)')).toBe(2.33);
    expect(run('(2.5).round()')).toBe(3);
    expect(run('(3.14159).toFixed(2)')).toBe('3.14');
    expect(run('(5).isEmpty()')).toBe(false);
    expect(run('(123).toString()')).toBe('123');
  });
  it('list methods with value, index and acc', () => {
    expect(run('[1,2,3,4].filter(value > 2)')).toEqual([3, 4]);
    expect(run('[1,2,3].map(value * index)')).toEqual([0, 2, 6]);
    expect(run('[1,2,3].reduce(acc + value, 0)')).toBe(6);
    expect(run('[[1],[2,[3]]].flat()')).toEqual([1, 2, [3]]);
    expect(run('["a","b"].join("-")')).toBe('a-b');
    expect(run('[1,2,3].reverse()')).toEqual([3, 2, 1]);
    expect(run('[1,2,3].slice(1)')).toEqual([2, 3]);
    expect(run('[10,9,100].sort()')).toEqual([9, 10, 100]);
    expect(run('["b","a"].sort()')).toEqual(['a', 'b']);
    expect(run('[1,1,2].unique()')).toEqual([1, 2]);
    expect(run('[1,2].contains(2) && [1,2].containsAll(1,2) && ![1].containsAny(5,6)')).toBe(true);
    expect(run('[].isEmpty()')).toBe(true);
    expect(run('genres.length')).toBe(2);
    expect(run('[2,2,4,5,5,8].median()')).toBe(4.5);
    expect((run('[1,7,3,11,22,5].stddev()') as number).toFixed(2)).toBe('6.94');
    expect(run('[1,2,3].mean()')).toBe(2);
    expect(run('["1", 2].sum()')).toBe(3);
    expect(run('[1,"x"].contains("1")')).toBe(true);
  });
  it('objects, isType, isTruthy, toString', () => {
    expect(run('{"a": 1, "b": 2}.keys()')).toEqual(['a', 'b']);
    expect(run('{"a": 1}.values()')).toEqual([1]);
    expect(run('{}.isEmpty()')).toBe(true);
    expect(run('(1).isTruthy()')).toBe(true);
    expect(run('"x".isType("string") && (1).isType("number") && true.isType("boolean")')).toBe(true);
    expect(run('genres.isType("list")')).toBe(true);
    expect(text('[1, 2].toString()')).toBe('1, 2');
    expect(errorOf(run('"x".toString.length'))).toMatch(/no field/);
  });
});

describe('formulas and errors', () => {
  it('formulas use other formulas; cycles are an error value', () => {
    const formulas = { total: 'formula.unit * 2', unit: 'price', loop: 'formula.loop2 + 1', loop2: 'formula.loop' };
    expect(run('formula.total', 'Books/Dune.md', null, formulas)).toBe(25);
    expect(run('formula.nothing', 'Books/Dune.md', null, formulas)).toBe(null);
    expect(errorOf(run('formula.loop', 'Books/Dune.md', null, formulas))).toMatch(/refers to itself/);
  });
  it('type errors are values, not exceptions', () => {
    expect(errorOf(run('(1).lower()'))).toMatch(/does not apply/);
    expect(errorOf(run('finished.nope'))).toMatch(/no field/);
    expect(errorOf(run('"x".nope()'))).toMatch(/unknown function nope/);
    expect(errorOf(run('"x".constructor()'))).toMatch(/unknown function constructor/);
  });
  it('rejects bad syntax with a column', () => {
    expect(() => parseExpression('1 +')).toThrow(/ends too early/);
    expect(() => parseExpression('"open')).toThrow(/not closed/);
    expect(() => parseExpression('a b')).toThrow(/unexpected text/);
    expect(() => parseExpression('a # b')).toThrow(/unexpected “#”/);
  });
});
