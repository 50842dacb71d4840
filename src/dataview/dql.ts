// A subset of Dataview's query language — `LIST [expr]` / `TABLE [WITHOUT ID] a [AS "A"], …` with `FROM`, `WHERE`,
// `SORT … ASC|DESC` and `LIMIT` — translated into a dataviewjs program that runs in the same sandbox.
// Anything outside the subset is refused with a reason rather than rendered differently.
import { DQL_HELPERS_JS } from './sandbox/dql-helpers';

export class DqlError extends Error {}

type Token = { kind: 'string' | 'number' | 'link' | 'name' | 'op'; text: string };

const TOKEN =
  /\s*(?:("(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)?)|(\[\[[^[\]]*\]\])|([\p{L}_][\p{L}\p{N}_-]*(?:\.[\p{L}_][\p{L}\p{N}_-]*)*)|(!=|<=|>=|[=<>+\-*/%(),!]|\.[\p{L}_][\p{L}\p{N}_-]*))/uy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new DqlError(`cannot read "${text.slice(at).trim()}"`);
    const kinds = ['string', 'number', 'link', 'name', 'op'] as const;
    const index = m.slice(1).findIndex((g) => g !== undefined);
    tokens.push({ kind: kinds[index], text: m[index + 1] });
  }
  return tokens;
}

/** Dataview functions the subset knows, as sandbox helpers. */
const FUNCTIONS: Record<string, string> = {
  contains: '__contains',
  econtains: '__econtains',
  length: '__length',
  lower: '__lower',
  upper: '__upper',
  default: '__default',
  date: 'dv.date',
  link: '__link',
  startswith: '__startswith',
  endswith: '__endswith',
};

const COMPARE: Record<string, string> = { '=': '=== 0', '!=': '!== 0', '<': '< 0', '>': '> 0', '<=': '<= 0', '>=': '>= 0' };

/** Expression → JS, by precedence climbing (Dataview: and/or < comparison < + - < * / %). */
class ExpressionCompiler {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  compile(): string {
    const js = this.boolean();
    if (this.pos < this.tokens.length) throw new DqlError(`unexpected "${this.tokens[this.pos].text}"`);
    return js;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(text?: string): Token {
    const token = this.tokens[this.pos];
    if (!token || (text !== undefined && token.text !== text)) throw new DqlError(`expected ${text ?? 'an expression'}`);
    this.pos++;
    return token;
  }

  private boolean(): string {
    let left = this.comparison();
    for (let op = this.peek()?.text.toLowerCase(); op === 'and' || op === 'or'; op = this.peek()?.text.toLowerCase()) {
      this.pos++;
      left = `(__truthy(${left}) ${op === 'and' ? '&&' : '||'} __truthy(${this.comparison()}))`;
    }
    return left;
  }

  private comparison(): string {
    let left = this.additive();
    while (this.peek()?.kind === 'op' && this.peek()!.text in COMPARE) {
      const op = this.take().text;
      left = `(dv.compare(${left}, ${this.additive()}) ${COMPARE[op]})`;
    }
    return left;
  }

  private additive(): string {
    let left = this.multiplicative();
    while (this.peek()?.text === '+' || this.peek()?.text === '-') left = `(${left} ${this.take().text} ${this.multiplicative()})`;
    return left;
  }

  private multiplicative(): string {
    let left = this.unary();
    while (['*', '/', '%'].includes(this.peek()?.text ?? '')) left = `(${left} ${this.take().text} ${this.unary()})`;
    return left;
  }

  private unary(): string {
    if (this.peek()?.text === '!') {
      this.pos++;
      return `!__truthy(${this.unary()})`;
    }
    if (this.peek()?.text === '-') {
      this.pos++;
      return `(-${this.unary()})`;
    }
    let js = this.atom();
    // `.field` after a call or parentheses: `link("x").rating`.
    while (this.peek()?.text.startsWith('.')) js = `__field(${js}, ${JSON.stringify(this.take().text.slice(1))})`;
    return js;
  }

  private atom(): string {
    const token = this.take();
    if (token.text === '(') {
      const inner = this.boolean();
      this.take(')');
      return inner;
    }
    if (token.kind === 'string') return JSON.stringify(JSON.parse(token.text));
    if (token.kind === 'number') return token.text;
    if (token.kind === 'link') return `__link(${JSON.stringify(token.text.slice(2, -2).split('|')[0].split('#')[0])})`;
    if (token.kind !== 'name') throw new DqlError(`unexpected "${token.text}"`);
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') return lower;
    if (this.peek()?.text === '(') {
      const helper = FUNCTIONS[lower];
      if (!helper) throw new DqlError(`the function ${token.text}() is not supported by tsunagu`);
      this.take('(');
      const args: string[] = [];
      while (this.peek()?.text !== ')') {
        args.push(this.boolean());
        if (this.peek()?.text === ',') this.pos++;
        else break;
      }
      this.take(')');
      return `${helper}(${args.join(', ')})`;
    }
    const [head, ...rest] = token.text.split('.');
    const base = head === 'this' ? '__this' : `__field(row, ${JSON.stringify(head)})`;
    return rest.reduce((js, key) => `__field(${js}, ${JSON.stringify(key)})`, base);
  }
}

export function compileExpression(text: string): string {
  return new ExpressionCompiler(tokenize(text)).compile();
}

const CLAUSE = /^\s*(FROM|WHERE|SORT|LIMIT|GROUP\s+BY|FLATTEN)\b/i;

/** Splits a query into its header and clauses; clause keywords count only outside quotes and brackets. */
function clauses(query: string): { keyword: string; body: string }[] {
  const parts: { keyword: string; body: string }[] = [{ keyword: 'HEADER', body: '' }];
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"' && query[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && (c === '(' || c === '[')) depth++;
    if (!quoted && (c === ')' || c === ']')) depth--;
    const atWordStart = i === 0 || /\s/.test(query[i - 1]);
    const m = !quoted && depth === 0 && atWordStart ? CLAUSE.exec(query.slice(i)) : null;
    if (m) {
      parts.push({ keyword: m[1].toUpperCase().replace(/\s+/, ' '), body: '' });
      i += m[0].length - 1;
    } else parts[parts.length - 1].body += c;
  }
  return parts.map((p) => ({ keyword: p.keyword, body: p.body.trim() }));
}

/** Splits on top-level commas. */
function commaList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (c === ',' && depth === 0 && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

function tableColumn(text: string): { name: string; js: string } {
  const alias = /^(.*?)\s+AS\s+("(?:[^"\\]|\\.)*"|[\p{L}_][\p{L}\p{N}_-]*)$/iu.exec(text);
  if (!alias) return { name: text, js: compileExpression(text) };
  return { name: alias[2].startsWith('"') ? JSON.parse(alias[2]) : alias[2], js: compileExpression(alias[1]) };
}

/** The dataviewjs program for a DQL query; throws DqlError for anything outside the subset. */
export function compileQuery(query: string): string {
  const [header, ...rest] = clauses(query.trim());
  const head = /^(LIST|TABLE)\b\s*(WITHOUT\s+ID\b)?\s*([\s\S]*)$/i.exec(header.body);
  if (!head) throw new DqlError(`only LIST and TABLE queries are supported by tsunagu (got "${header.body.split(/\s/)[0]}")`);
  const type = head[1].toUpperCase();
  const withoutId = head[2] !== undefined;
  const lines: string[] = [];
  let source = '';
  for (const clause of rest) {
    if (clause.keyword === 'FROM') source = clause.body;
    else if (clause.keyword === 'WHERE') lines.push(`rows = rows.filter(row => __truthy(${compileExpression(clause.body)}));`);
    else if (clause.keyword === 'SORT') {
      const keys = commaList(clause.body).map((key) => {
        const m = /^([\s\S]*?)(?:\s+(ASC|ASCENDING|DESC|DESCENDING))?$/i.exec(key)!;
        return { js: compileExpression(m[1]), sign: /^desc/i.test(m[2] ?? '') ? -1 : 1 };
      });
      const compare = keys.map((k) => `c = ${k.sign} * dv.compare(((row) => ${k.js})(a), ((row) => ${k.js})(b)); if (c) return c;`);
      lines.push(`rows = rows.map((row, i) => [row, i]).sort(([a, ia], [b, ib]) => { let c; ${compare.join(' ')} return ia - ib; }).map(([row]) => row);`);
    } else if (clause.keyword === 'LIMIT') {
      if (!/^\d+$/.test(clause.body)) throw new DqlError(`LIMIT needs a number (got "${clause.body}")`);
      lines.push(`rows = rows.slice(0, ${clause.body});`);
    } else throw new DqlError(`${clause.keyword} is not supported by tsunagu`);
  }
  const program = [DQL_HELPERS_JS, `let rows = dv.pages(${JSON.stringify(source)}).array();`, ...lines];
  if (type === 'LIST') {
    const item = head[3].trim() ? compileExpression(head[3]) : undefined;
    const value = item === undefined ? 'row.file.link' : withoutId ? item : `dv.widget.listPair(row.file.link, ${item})`;
    program.push(`dv.list(rows.map(row => ${value}));`);
  } else {
    const columns = commaList(head[3]).map(tableColumn);
    const headers = [...(withoutId ? [] : ['File']), ...columns.map((c) => c.name)];
    const cells = [...(withoutId ? [] : ['row.file.link']), ...columns.map((c) => c.js)];
    program.push(`dv.table(${JSON.stringify(headers)}, rows.map(row => [${cells.join(', ')}]));`);
  }
  return program.join('\n');
}
