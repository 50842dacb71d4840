// The file kinds, in the order a file is offered to them: the first that recognises it is its kind.
import { attachment } from './attachment';
import { canvasKind } from './canvas';
import { base } from './base';
import type { FileKind } from './kind';
import { markdownNote } from './note';

// biome-ignore lint/suspicious/noExplicitAny: each kind reads its own data; the registry only dispatches on the entry's kind.
export const KINDS: readonly FileKind<any>[] = [markdownNote, base, canvasKind, attachment];
