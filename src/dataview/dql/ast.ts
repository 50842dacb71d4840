// The shapes obsidian-dataview's grammar produces (its own .d.ts files use non-relative paths that do not resolve).

export type Field =
  | { type: 'literal'; value: unknown }
  | { type: 'variable'; name: string }
  | { type: 'list'; values: Field[] }
  | { type: 'object'; values: Record<string, Field> }
  | { type: 'binaryop'; left: Field; op: BinaryOp; right: Field }
  | { type: 'function'; func: Field | string; arguments: Field[] }
  | { type: 'lambda'; arguments: string[]; value: Field }
  | { type: 'index'; object: Field; index: Field }
  | { type: 'negated'; child: Field };

export type BinaryOp = '>' | '>=' | '<=' | '<' | '=' | '!=' | '+' | '-' | '*' | '/' | '%' | '&' | '|';

export type Source =
  | { type: 'tag'; tag: string }
  | { type: 'csv'; path: string }
  | { type: 'folder'; folder: string }
  | { type: 'link'; file: string; direction: 'incoming' | 'outgoing' }
  | { type: 'empty' }
  | { type: 'negate'; child: Source }
  | { type: 'binaryop'; left: Source; op: '&' | '|'; right: Source };

export interface NamedField {
  name: string;
  field: Field;
}

export type QueryHeader =
  | { type: 'list'; format?: Field; showId: boolean }
  | { type: 'table'; fields: NamedField[]; showId: boolean }
  | { type: 'task' }
  | { type: 'calendar'; field: NamedField; showId: boolean };

export type QueryOperation =
  | { type: 'where'; clause: Field }
  | { type: 'sort'; fields: { field: Field; direction: 'ascending' | 'descending' }[] }
  | { type: 'limit'; amount: Field }
  | { type: 'flatten'; field: NamedField }
  | { type: 'group'; field: NamedField }
  | { type: 'extract'; fields: Record<string, Field> };

export interface Query {
  header: QueryHeader;
  source: Source;
  operations: QueryOperation[];
}
