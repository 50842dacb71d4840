// The Bases expression language as a small Pratt parser. Precedence follows JavaScript (the docs say Bases does):
// member/call/index → unary ! - → * / % → + - → < > <= >= → == != → && → ||.

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'regexp'; source: string; flags: string }
  | { type: 'list'; items: Expr[] }
  | { type: 'object'; entries: [string, Expr][] }
  | { type: 'ident'; name: string }
  | { type: 'member'; object: Expr; name: string }
  | { type: 'index'; object: Expr; index: Expr }
  | { type: 'call'; callee: Expr; args: Expr[] }
  | { type: 'unary'; op: '!' | '-'; operand: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

type Token =
  | { kind: 'num'; value: number; at: number }
  | { kind: 'str'; value: string; at: number }
  | { kind: 'regexp'; source: string; flags: string; at: number }
  | { kind: 'ident'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; at: number };

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '===', '!==', '+', '-', '*', '/', '%', '<', '>', '!', '.', ',', '(', ')', '[', ']', '{', '}', ':'];
const BY_LENGTH = [...OPERATORS].sort((a, b) => b.length - a.length);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // A `/` starts a regexp where an operand is expected, else it divides.
  const operandExpected = () => {
    const last = tokens.at(-1);
    return !last || (last.kind === 'op' && ![')', ']', '}'].includes(last.value));
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? '') && operandExpected())) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i))!;
      // `1.foo` is not a number followed by a member: the docs require `(1).foo()`.
      const text = m[0].endsWith('.') && /[A-Za-z_]/.test(src[i + m[0].length] ?? '') ? m[0].slice(0, -1) : m[0];
      tokens.push({ kind: 'num', value: Number(text), at });
      i += text.length;
    } else if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\' && i + 1 < src.length) {
          const next = src[++i];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        } else value += src[i];
        i++;
      }
      if (i >= src.length) throw new ExpressionSyntaxError('a string is not closed', at);
      i++;
      tokens.push({ kind: 'str', value, at });
    } else if (c === '/' && operandExpected()) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && (src[j] !== '/' || inClass)) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      if (j >= src.length) throw new ExpressionSyntaxError('a regular expression is not closed', at);
      const flags = /^[a-z]*/.exec(src.slice(j + 1))![0];
      tokens.push({ kind: 'regexp', source: src.slice(i + 1, j), flags, at });
      i = j + 1 + flags.length;
    } else if (/[\p{L}_$]/u.test(c)) {
      const m = /^[\p{L}\p{N}_$]+/u.exec(src.slice(i))!;
      tokens.push({ kind: 'ident', value: m[0], at });
      i += m[0].length;
    } else {
      const op = BY_LENGTH.find((o) => src.startsWith(o, i));
      if (!op) throw new ExpressionSyntaxError(`unexpected “${c}”`, at);
      tokens.push({ kind: 'op', value: op === '===' ? '==' : op === '!==' ? '!=' : op, at });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', at: src.length });
  return tokens;
}

const BINARY: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
const POSTFIX = 8;

export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => {
    const t = peek();
    return t.kind === 'op' && t.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new ExpressionSyntaxError(`expected “${value}”`, peek().at);
    pos++;
  };
  const list = (close: string): Expr[] => {
    const items: Expr[] = [];
    while (!isOp(close)) {
      items.push(expression(0));
      if (!isOp(close)) expect(',');
    }
    pos++;
    return items;
  };

  const prefix = (): Expr => {
    const t = tokens[pos++];
    switch (t.kind) {
      case 'num':
        return { type: 'literal', value: t.value };
      case 'str':
        return { type: 'literal', value: t.value };
      case 'regexp':
        return { type: 'regexp', source: t.source, flags: t.flags };
      case 'ident':
        if (t.value === 'true' || t.value === 'false') return { type: 'literal', value: t.value === 'true' };
        if (t.value === 'null') return { type: 'literal', value: null };
        return { type: 'ident', name: t.value };
      case 'op':
        if (t.value === '(') {
          const inner = expression(0);
          expect(')');
          return inner;
        }
        if (t.value === '[') return { type: 'list', items: list(']') };
        if (t.value === '{') {
          const entries: [string, Expr][] = [];
          while (!isOp('}')) {
            const key = tokens[pos++];
            if (key.kind !== 'str' && key.kind !== 'ident') throw new ExpressionSyntaxError('expected a key', key.at);
            expect(':');
            entries.push([key.value, expression(0)]);
            if (!isOp('}')) expect(',');
          }
          pos++;
          return { type: 'object', entries };
        }
        if (t.value === '!' || t.value === '-') return { type: 'unary', op: t.value, operand: expression(7) };
        if (t.value === '+') return expression(7);
        throw new ExpressionSyntaxError(`unexpected “${t.value}”`, t.at);
      case 'end':
        throw new ExpressionSyntaxError('the expression ends too early', t.at);
    }
  };

  const expression = (minPrecedence: number): Expr => {
    let left = prefix();
    for (;;) {
      const t = peek();
      if (t.kind !== 'op') break;
      if (t.value === '.' && POSTFIX > minPrecedence) {
        pos++;
        const name = tokens[pos++];
        if (name.kind !== 'ident') throw new ExpressionSyntaxError('expected a name after “.”', name.at);
        left = { type: 'member', object: left, name: name.value };
      } else if (t.value === '(' && POSTFIX > minPrecedence) {
        pos++;
        left = { type: 'call', callee: left, args: list(')') };
      } else if (t.value === '[' && POSTFIX > minPrecedence) {
        pos++;
        const index = expression(0);
        expect(']');
        left = { type: 'index', object: left, index };
      } else if (BINARY[t.value] !== undefined && BINARY[t.value] > minPrecedence) {
        pos++;
        left = { type: 'binary', op: t.value, left, right: expression(BINARY[t.value]) };
      } else break;
    }
    return left;
  };

  const result = expression(0);
  if (peek().kind !== 'end') throw new ExpressionSyntaxError('unexpected text after the expression', peek().at);
  return result;
}
