// Copy buttons on code blocks, added when the reader first hovers or focuses one (loaded by CodeCopy.astro).
export function enableCopyButtons(labels: { copy: string; copied: string }): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>('.note-body pre:not(.mermaid)')) {
    if (pre.parentElement?.classList.contains('code-block')) continue;
    const focused = document.activeElement === pre;
    const block = document.createElement('div');
    block.className = 'code-block';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = labels.copy;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(pre.textContent ?? '').then(() => {
        button.textContent = labels.copied;
        setTimeout(() => {
          button.textContent = labels.copy;
        }, 1500);
      });
    });
    // Outside the <pre>, so the button stays put while the code scrolls sideways.
    pre.replaceWith(block);
    block.append(pre, button);
    if (focused) pre.focus();
  }
}
