// Fallback for diagrams the build could not render: mermaid (large, fetched by this page only) draws them here.
const SELECTOR = 'pre.mermaid[data-mermaid-client]';

export async function renderMermaidInPage(): Promise<void> {
  if (!document.querySelector(SELECTOR)) return;
  // Set by the mermaidScript Vite plugin (src/integration/mermaid-script.ts): mermaid's own built module.
  const { default: mermaid }: typeof import('mermaid') = await import(/* @vite-ignore */ import.meta.env.TSUNAGU_MERMAID_SCRIPT);
  const dark = document.documentElement.dataset.theme ? document.documentElement.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
  await mermaid.run({ querySelector: SELECTOR });
}
