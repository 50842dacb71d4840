// The file kinds, in the order a file is offered to them: the first that recognises it is its kind.
import { attachment } from './attachment';
import { base } from './base';
import type { FileKind } from './kind';
import { markdownNote } from './note';
import { notPublished } from './not-published';

// biome-ignore lint/suspicious/noExplicitAny: each kind reads its own data; the registry only dispatches on the entry's kind.
export const KINDS: readonly FileKind<any>[] = [markdownNote, base, notPublished('canvas', 'canvas'), attachment];
