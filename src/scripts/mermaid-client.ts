// Fallback for diagrams the build could not render: mermaid (a large chunk, fetched by this page only) draws them here.
const SELECTOR = 'pre.mermaid[data-mermaid-client]';

export async function renderMermaidInPage(): Promise<void> {
  if (!document.querySelector(SELECTOR)) return;
  const { default: mermaid } = await import('mermaid');
  const dark = document.documentElement.dataset.theme ? document.documentElement.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
  await mermaid.run({ querySelector: SELECTOR });
}
