// Attachment embeds: images, audio, video, PDF by extension; anything else becomes a link.
import type { Element } from 'hast';
import { element, text } from './hast-build';

interface AttachmentRef {
  href: string;
  id: string;
  title: string;
}

export const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'svg', 'webp', 'avif']);
const AUDIO = new Set(['mp3', 'wav', 'm4a', 'ogg', 'oga', 'flac', 'opus', '3gp', 'aac']);
const VIDEO = new Set(['mp4', 'webm', 'mov', 'ogv', 'mkv', 'm4v']);

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

export function isImageName(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

/** An image, audio, video or PDF by its name: embedded as media, its `#…` a fragment of the file, not a heading. */
export function isMediaName(name: string): boolean {
  const extension = extensionOf(name);
  return [IMAGE_EXTENSIONS, AUDIO, VIDEO].some((set) => set.has(extension)) || extension === 'pdf';
}

/** `alt|300` or `100x145`: Obsidian puts an optional size after the last `|` of the display text. */
export function parseEmbedDisplay(display: string | undefined): { alt?: string; width?: number; height?: number } {
  const parts = (display ?? '').split('|');
  const size = /^\s*(\d+)(?:\s*x\s*(\d+))?\s*$/.exec(parts.at(-1) ?? '');
  const alt = (size ? parts.slice(0, -1) : parts).join('|').trim();
  return {
    ...(alt ? { alt } : {}),
    ...(size ? { width: Number(size[1]) } : {}),
    ...(size?.[2] ? { height: Number(size[2]) } : {}),
  };
}

export function attachmentEmbed(attachment: AttachmentRef, display: string | undefined): Element {
  const extension = extensionOf(attachment.id);
  const { alt, width, height } = parseEmbedDisplay(display);
  const label = alt ?? attachment.title;
  const fallback = element('a', { href: attachment.href }, [text(label)]);
  if (IMAGE_EXTENSIONS.has(extension)) return element('img', { src: attachment.href, alt: label, loading: 'lazy', width, height });
  if (AUDIO.has(extension)) return element('audio', { controls: true, preload: 'metadata', src: attachment.href }, [fallback]);
  if (VIDEO.has(extension)) return element('video', { controls: true, preload: 'metadata', src: attachment.href, width, height }, [fallback]);
  if (extension === 'pdf') {
    const frame = element('iframe', { src: attachment.href, title: label, loading: 'lazy', width, height });
    return element('div', { className: ['pdf-embed'] }, [frame, element('p', {}, [fallback])]);
  }
  return element('a', { className: ['internal-link'], href: attachment.href }, [text(label)]);
}
