// The element stand-ins on the host (the sandbox runs the same source): Obsidian's helpers, tree moves, selectors
// and the JSON the host renders. ../dom.test.ts runs them inside QuickJS and checks the HTML.
import { describe, expect, test } from 'vitest';
import { domElements } from './elements';

const { createContainer, DomElement, globals } = domElements();

function block() {
  const appOnly: string[] = [];
  const page = createContainer((tag) => appOnly.push(tag));
  return { ...page, appOnly };
}

describe('Obsidian helpers', () => {
  test('createEl with text, cls, attr, href and a callback; createDiv/createSpan; the JSON tree', () => {
    const { container, output } = block();
    const seen: string[] = [];
    const card = container.createDiv({ cls: 'card wide', attr: { 'data-id': 7, hidden: false } });
    card.createEl('a', { text: 'site', href: 'https://example.org/', title: 'Example' }, (a) => seen.push(a.tagName));
    card.createSpan('tag').setText('x');
    expect(seen).toEqual(['A']);
    expect(output()).toEqual([
      {
        kind: 'dom',
        node: {
          tag: 'div',
          attr: { class: 'card wide', 'data-id': '7' },
          style: {},
          children: [
            { tag: 'a', attr: { href: 'https://example.org/', title: 'Example' }, style: {}, children: [{ text: 'site' }] },
            { tag: 'span', attr: { class: 'tag' }, style: {}, children: [{ text: 'x' }] },
          ],
        },
      },
    ]);
  });

  test('classes: addClass, removeClass, toggleClass, classList, className', () => {
    const el = block().container.createEl('p', { cls: ['a', 'b'] });
    el.addClass('c', 'a');
    el.removeClass('b');
    el.toggleClass('d', true);
    el.classList.toggle('c');
    expect([el.className, el.hasClass('d'), el.classList.contains('c')]).toEqual(['a d', true, false]);
    el.className = 'only';
    expect(el.classList.toString()).toBe('only');
  });

  test('attributes: setAttr (null removes), setAttribute, getAttribute, id, title, hidden, dataset, style', () => {
    const el = block().container.createDiv();
    el.setAttr('role', 'note');
    el.setAttr('role', null);
    el.setAttribute('aria-label', 'L');
    el.id = 'i';
    el.title = 't';
    el.hidden = true;
    el.dataset.someKey = 'v';
    el.style.backgroundColor = 'red';
    el.style.setProperty('font-weight', 'bold');
    el.setAttribute('style', `${el.style.cssText} width: 50%`);
    expect([el.getAttribute('role'), el.getAttribute('aria-label'), el.style.getPropertyValue('width')]).toEqual([null, 'L', '50%']);
    expect(el.toJson()).toEqual({
      tag: 'div',
      attr: { 'aria-label': 'L', id: 'i', title: 't', hidden: '', 'data-some-key': 'v' },
      style: { 'background-color': 'red', 'font-weight': 'bold', width: '50%' },
      children: [],
    });
    el.hide();
    expect([el.isShown(), el.style.display]).toEqual([false, 'none']);
    // Assigning a string sets the CSS text, as a browser does.
    (el as unknown as { style: string }).style = 'color: red; font-weight: bold';
    expect([el.style.color, el.toJson()]).toMatchObject(['red', { style: { color: 'red', 'font-weight': 'bold' } }]);
  });

  test('text and markup: textContent, innerText, innerHTML, appendText, empty', () => {
    const el = block().container.createDiv();
    el.textContent = 'a < b';
    el.appendText('!');
    expect([el.textContent, el.innerHTML]).toEqual(['a < b!', 'a &lt; b!']);
    el.innerHTML = '<b>bold</b>';
    expect([el.textContent, el.innerHTML, el.outerHTML]).toEqual(['bold', '<b>bold</b>', '<div><b>bold</b></div>']);
    expect(el.toJson()).toMatchObject({ children: [{ html: '<b>bold</b>' }] });
    // biome-ignore lint/performance/useDomNodeTextContent: the stand-in's own innerText is under test
    el.innerText = 'plain';
    expect(el.innerHTML).toBe('plain');
    el.empty();
    expect(el.childNodes).toEqual([]);
  });
});

describe('the tree', () => {
  test('appendChild moves a node; append/prepend take strings; insertBefore, replaceWith, remove', () => {
    const { container } = block();
    const a = container.createDiv({ cls: 'a' });
    const b = container.createDiv({ cls: 'b' });
    a.appendChild(b);
    expect([container.childElementCount, b.parentElement === a]).toEqual([1, true]);
    a.append('x', 'y');
    a.prepend('w');
    expect(a.textContent).toBe('wxy');
    const c = new DomElement('i', () => {});
    a.insertBefore(c, b);
    expect(a.childNodes.map((n) => (n instanceof DomElement ? n.localName : n.textContent))).toEqual(['w', 'i', 'div', 'x', 'y']);
    expect([c.nextSibling === b, b.previousSibling === c, a.contains(b), b.contains(a)]).toEqual([true, true, true, false]);
    c.replaceWith('z');
    b.remove();
    expect(a.textContent).toBe('wzxy');
    expect(() => b.appendChild(container)).not.toThrow();
    expect(() => a.appendChild(container)).toThrow(/contains the parent/);
  });

  test('output records sit in the container in call order, and lastChild.remove() takes one out', () => {
    const { container, addRecord, output } = block();
    addRecord({ kind: 'list', items: [] });
    container.createEl('h2', { text: 'After' });
    addRecord({ kind: 'table', headers: [], rows: [] });
    expect(output().map((r) => r.kind)).toEqual(['list', 'dom', 'table']);
    container.lastChild!.remove();
    container.lastChild!.remove();
    expect(output().map((r) => r.kind)).toEqual(['list']);
    // A record moved into an element goes with it.
    const holder = container.createDiv();
    holder.appendChild(container.firstChild);
    expect(output()).toEqual([{ kind: 'dom', node: { tag: 'div', attr: {}, style: {}, children: [{ block: { kind: 'list', items: [] } }] } }]);
  });

  test('buttons and inputs are not put in the tree; the block is told, once per call', () => {
    const { container, output, appOnly } = block();
    const button = container.createEl('button', { text: 'Go' });
    button.addEventListener('click', () => {
      throw new Error('never called');
    });
    button.click();
    container.createDiv().createEl('input', { type: 'checkbox' });
    expect([appOnly, output().length, button.textContent]).toEqual([['button', 'input'], 1, 'Go']);
  });

  test('querySelector: tags, classes, ids, attributes, descendants, lists', () => {
    const { container } = block();
    const list = container.createEl('ul', { cls: 'menu' });
    list.createEl('li', { cls: 'item first', attr: { 'data-n': '1' } });
    const second = list.createEl('li', { cls: 'item' });
    second.createEl('a', { attr: { id: 'go' } });
    container.createEl('p', { cls: 'item' });
    expect(container.querySelectorAll('.item').length).toBe(3);
    expect(container.querySelectorAll('ul .item').length).toBe(2);
    expect(container.querySelector('li.first[data-n="1"]')?.className).toBe('item first');
    expect(container.querySelector('#go')?.parentElement).toBe(second);
    expect(container.querySelectorAll('p, a').map((e) => e.tagName)).toEqual(['A', 'P']);
    expect([second.matches('li.item'), container.find('table'), container.getElementsByTagName('li').length]).toEqual([true, null, 2]);
  });
});

describe('the DOM globals', () => {
  test('elements from document and the global createEl start detached; a fragment gives its children; the running block hears of buttons', () => {
    const { container, output, appOnly } = block();
    const f = globals.createFragment((frag) => {
      frag.createEl('b', { text: 'x' });
    });
    f.appendChild(globals.document.createTextNode('y'));
    const div = globals.document.createElement('DIV');
    div.append(f, globals.createSpan('s'));
    expect([div.parentNode, div.tagName, f.childNodes.length, div.innerHTML]).toEqual([null, 'DIV', 0, '<b>x</b>y<span class="s"></span>']);
    container.appendChild(div);
    globals.createEl('button', { text: 'Go' });
    expect([output().length, appOnly, globals.getComputedStyle(div).display, globals.document.querySelector()]).toEqual([1, ['button'], 'block', null]);
  });
});
