// Any other file (images, audio, video, PDF, …): copied byte for byte when a published page links to or embeds it.
import type { FileKind } from '../kind';

export const attachment: FileKind<undefined> = {
  name: 'attachment',
  recognises: () => true,
  read: (file) => ({
    id: file.id,
    kind: 'attachment',
    file,
    title: file.id.slice(file.id.lastIndexOf('/') + 1),
    links: [],
    publish: { published: true },
    data: undefined,
  }),
  output: 'copy',
};
