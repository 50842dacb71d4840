// Markdown links and images that point into the vault (`[x](Note%20name.md#Part)`, `![](pic.png)`).

interface VaultTarget {
  /** Percent-decoded path ('' = this note). */
  target: string;
  subpath?: string;
}

/** Has a scheme (`https:`, `mailto:`) or is protocol-relative: not a vault file. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The vault path a link destination names, or undefined for external URLs. Resolution decides what it is. */
export function vaultTarget(url: string): VaultTarget | undefined {
  if (EXTERNAL.test(url)) return undefined;
  const hash = url.indexOf('#');
  const target = decode(hash < 0 ? url : url.slice(0, hash)).trim();
  const subpath = hash < 0 ? '' : decode(url.slice(hash + 1)).trim();
  if (!target && !subpath) return undefined;
  return subpath ? { target, subpath } : { target };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` is part of the name
  }
}
