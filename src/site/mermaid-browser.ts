// The browser that renders mermaid diagrams at build time: found on this machine, never downloaded.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MermaidRenderer } from 'mermaid-isomorphic';

export type MermaidTheme = 'light' | 'dark';

/** Renders diagrams in one theme; one result per diagram, in order. */
export type ThemedRenderer = (diagrams: string[], theme: MermaidTheme) => Promise<PromiseSettledResult<{ svg: string; id: string }>[]>;

export interface ChromiumSearch {
  /** The executable to launch, if one was found. */
  path?: string;
  /** Every place looked at, for the warning when none was found. */
  tried: string[];
}

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** TSUNAGU_CHROMIUM when set (and only it), else Debian's Chromium, else a browser installed by Playwright. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, playwrightPath: () => string | undefined = playwrightChromium): ChromiumSearch {
  const override = env.TSUNAGU_CHROMIUM?.trim();
  if (override) return existsSync(override) ? { path: override, tried: [override] } : { tried: [`TSUNAGU_CHROMIUM=${override}`] };
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return { path: system, tried: SYSTEM_CHROMIUMS };
  // Loading Playwright to ask takes about half a second: only when no system browser is there.
  const playwright = playwrightPath();
  return { path: playwright && existsSync(playwright) ? playwright : undefined, tried: playwright ? [...SYSTEM_CHROMIUMS, playwright] : SYSTEM_CHROMIUMS };
}

function playwrightChromium(): string | undefined {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright') as typeof import('playwright');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const FONT_FAMILY = 'system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif';

/**
 * mermaid's own themes for the site's light and dark colours, with the site's fonts so Japanese labels fit their
 * boxes. Dark: edge labels on the page's code background, since mermaid's grey fails WCAG contrast.
 * Part of the cache key: a change here redraws every diagram.
 */
export const MERMAID_CONFIGS = {
  light: { theme: 'default', fontFamily: FONT_FAMILY },
  dark: { theme: 'dark', fontFamily: FONT_FAMILY, themeVariables: { edgeLabelBackground: '#23262e' } },
} as const;

/** A renderer driving the given Chromium. Calls made together share one browser launch. */
export async function chromiumRenderer(executablePath: string): Promise<ThemedRenderer> {
  const { createMermaidRenderer } = await import('mermaid-isomorphic');
  const render: MermaidRenderer = createMermaidRenderer({
    launchOptions: { executablePath, args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] },
  });
  return (diagrams, theme) => render(diagrams, { prefix: 'tsunagu-mermaid', mermaidConfig: MERMAID_CONFIGS[theme] });
}
