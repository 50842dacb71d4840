// Sandbox module: the DOM elements a block sees as `dv.container` and as what `dv.el` returns, with Obsidian's
// helpers on them (createEl, createDiv, setText, addClass…). A block's container holds its output in call order:
// elements, and the records dv.table/list/… make (as opaque nodes). At the block's end the tree is serialised to
// JSON; the host turns it into HTML through its own allow-lists (the sandbox is not trusted to filter anything).
// Events are accepted and ignored: the page runs no script, so a tab-like widget shows its first state.

type Row = Record<string, unknown>;
/** What a node serialises to (render-dom.ts on the host reads it). */
export type DomJson =
  | { tag: string; attr: Record<string, string>; style: Record<string, string>; children: DomJson[] }
  | { text: string }
  | { value: unknown }
  | { html: string }
  | { block: Row };
export type ElementInfo = {
  text?: unknown;
  cls?: unknown;
  attr?: unknown;
  title?: unknown;
  href?: unknown;
  type?: unknown;
  value?: unknown;
  placeholder?: unknown;
  parent?: unknown;
  prepend?: unknown;
};

export function domElements() {
  /** Elements that act on the vault or the app when used: a block gets one detached, and a notice is shown. */
  const APP_ONLY = new Set(['button', 'input', 'select', 'textarea', 'form']);
  const isAppOnly = (tag: string) => APP_ONLY.has(tag);

  type Parent = DomElement;
  /** What every node has: a parent and remove(). */
  class DomNode {
    parentNode: Parent | null = null;
    get parentElement(): Parent | null {
      return this.parentNode;
    }
    get nextSibling(): DomNode | null {
      const siblings = this.parentNode ? this.parentNode.childNodes : [];
      return siblings[siblings.indexOf(this) + 1] || null;
    }
    get previousSibling(): DomNode | null {
      const siblings = this.parentNode ? this.parentNode.childNodes : [];
      const at = siblings.indexOf(this);
      return at > 0 ? siblings[at - 1] : null;
    }
    get textContent(): string {
      return '';
    }
    remove(): void {
      if (!this.parentNode) return;
      const siblings = this.parentNode.childNodes;
      siblings.splice(siblings.indexOf(this), 1);
      this.parentNode = null;
    }
    detach(): void {
      this.remove();
    }
    /** Removes the node from its parent and returns it (the global createEl makes its element in a scratch fragment). */
    detachSelf(): this {
      this.remove();
      return this;
    }
    toJson(): DomJson {
      return { text: '' };
    }
  }

  class TextNode extends DomNode {
    constructor(public data: string) {
      super();
    }
    get textContent(): string {
      return this.data;
    }
    set textContent(text: string) {
      this.data = String(text);
    }
    toJson(): DomJson {
      return { text: this.data };
    }
  }

  /** A dv value as the block's output renders it (dv.el's content): already in the output's JSON form. */
  class ValueNode extends DomNode {
    constructor(readonly value: Row) {
      super();
    }
    get textContent(): string {
      return typeof this.value.s === 'string' ? this.value.s : '';
    }
    toJson(): DomJson {
      return { value: this.value };
    }
  }

  /** Markup a block assigned to innerHTML: parsed and filtered by the host. */
  class HtmlNode extends DomNode {
    constructor(readonly html: string) {
      super();
    }
    get textContent(): string {
      return this.html.replace(/<[^>]*>/g, '');
    }
    toJson(): DomJson {
      return { html: this.html };
    }
  }

  /** An output record (a table, a list, a notice…) in the container. */
  class BlockNode extends DomNode {
    constructor(readonly record: Row) {
      super();
    }
    toJson(): DomJson {
      return { block: this.record };
    }
  }

  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const camel = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

  /** element.style: camelCase properties assigned directly, or through setProperty/cssText. */
  class Style {
    [property: string]: unknown;
    setProperty(name: string, value: unknown): void {
      (this as unknown as Row)[camel(String(name))] = value === null || value === undefined ? '' : String(value);
    }
    removeProperty(name: string): void {
      delete (this as unknown as Row)[camel(String(name))];
    }
    getPropertyValue(name: string): string {
      const value = (this as unknown as Row)[camel(String(name))];
      return value === undefined ? '' : String(value);
    }
    get cssText(): string {
      const css = this.toJson();
      return Object.keys(css)
        .map((k) => `${k}: ${css[k]};`)
        .join(' ');
    }
    set cssText(text: string) {
      Object.keys(this).forEach((k) => {
        delete (this as unknown as Row)[k];
      });
      String(text)
        .split(';')
        .forEach((declaration) => {
          const colon = declaration.indexOf(':');
          if (colon > 0) this.setProperty(declaration.slice(0, colon), declaration.slice(colon + 1).trim());
        });
    }
    toJson(): Record<string, string> {
      const css: Record<string, string> = {};
      Object.keys(this).forEach((k) => {
        const value = (this as unknown as Row)[k];
        if ((typeof value === 'string' && value !== '') || typeof value === 'number') css[kebab(k)] = String(value);
      });
      return css;
    }
  }

  class ClassList {
    constructor(private readonly element: DomElement) {}
    private get names(): string[] {
      return (this.element.attributes.class || '').split(/\s+/).filter((c) => c !== '');
    }
    private set names(names: string[]) {
      this.element.attributes.class = names.join(' ');
    }
    get length(): number {
      return this.names.length;
    }
    contains(name: string): boolean {
      return this.names.indexOf(String(name)) >= 0;
    }
    add(...names: string[]): void {
      const list = this.names;
      names.forEach((n) => {
        if (list.indexOf(String(n)) < 0) list.push(String(n));
      });
      this.names = list;
    }
    remove(...names: string[]): void {
      this.names = this.names.filter((n) => names.map(String).indexOf(n) < 0);
    }
    toggle(name: string, force?: boolean): boolean {
      const on = force === undefined ? !this.contains(name) : !!force;
      if (on) this.add(name);
      else this.remove(name);
      return on;
    }
    replace(from: string, to: string): void {
      if (!this.contains(from)) return;
      this.names = this.names.map((n) => (n === String(from) ? String(to) : n));
    }
    toString(): string {
      return this.names.join(' ');
    }
  }

  const classNames = (cls: unknown): string[] =>
    (Array.isArray(cls) ? Array.from(cls as unknown[]) : cls === undefined || cls === null ? [] : [cls])
      .map(String)
      .join(' ')
      .split(/\s+/)
      .filter((c) => c !== '');

  /** A compound selector (`tag.cls#id[attr=value]`) as a test; descendant combinators are spaces. */
  const compoundTest = (compound: string) => {
    const tests: ((e: DomElement) => boolean)[] = [];
    const pattern = /([.#]?)([\w-]+|\*)|\[([\w-]+)(?:=["']?([^\]"']*)["']?)?\]/g;
    let match = pattern.exec(compound);
    while (match) {
      const [, sigil, name, attr, attrValue] = match;
      if (attr) tests.push((e) => (attrValue === undefined ? attr in e.attributes : e.attributes[attr] === attrValue));
      else if (sigil === '.') tests.push((e) => e.classList.contains(name));
      else if (sigil === '#') tests.push((e) => e.attributes.id === name);
      else if (name !== '*') tests.push((e) => e.localName === name.toLowerCase());
      match = pattern.exec(compound);
    }
    return (e: DomElement) => tests.every((t) => t(e));
  };

  const selectorTest = (selector: string, scope: DomElement) => {
    const alternatives = String(selector)
      .split(',')
      .map((s) => s.trim().split(/\s+/).map(compoundTest));
    return (e: DomElement) =>
      alternatives.some((chain) => {
        if (!chain[chain.length - 1](e)) return false;
        let at = chain.length - 2;
        for (let p = e.parentNode; p && at >= 0 && p !== scope; p = p.parentNode) if (chain[at](p)) at--;
        return at < 0;
      });
  };

  const FRAGMENT = '#document-fragment';
  /** createEl's options that are attributes. */
  const INFO_ATTRIBUTES = ['title', 'href', 'type', 'value', 'placeholder'] as const;

  const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  class DomElement extends DomNode {
    readonly attributes: Record<string, string> = {};
    childNodes: DomNode[] = [];
    // Made when first read: most elements (dv.span, dv.header…) never use them.
    declare private ownStyle?: Style;
    declare private ownClassList?: ClassList;
    declare private ownDataset?: Record<string, string>;

    constructor(
      readonly localName: string,
      /** Called when the block makes an element that only works inside Obsidian; it gets a detached one. */
      readonly appOnly: (tag: string) => void,
    ) {
      super();
    }

    get style(): Style {
      return this.ownStyle || (this.ownStyle = new Style());
    }
    /** `el.style = 'color: red'` sets its CSS text, as in a browser. */
    set style(text: string | Style) {
      this.style.cssText = String(text);
    }
    get classList(): ClassList {
      return this.ownClassList || (this.ownClassList = new ClassList(this));
    }
    get dataset(): Record<string, string> {
      return this.ownDataset || (this.ownDataset = {});
    }

    get tagName(): string {
      return this.localName.toUpperCase();
    }
    get nodeName(): string {
      return this.tagName;
    }
    get children(): DomElement[] {
      return this.childNodes.filter((n): n is DomElement => n instanceof DomElement);
    }
    get childElementCount(): number {
      return this.children.length;
    }
    get firstChild(): DomNode | null {
      return this.childNodes[0] || null;
    }
    get lastChild(): DomNode | null {
      return this.childNodes[this.childNodes.length - 1] || null;
    }
    get firstElementChild(): DomElement | null {
      return this.children[0] || null;
    }
    get lastElementChild(): DomElement | null {
      const children = this.children;
      return children[children.length - 1] || null;
    }
    get className(): string {
      return this.attributes.class || '';
    }
    set className(names: string) {
      this.attributes.class = String(names);
    }
    get id(): string {
      return this.attributes.id || '';
    }
    set id(id: string) {
      this.attributes.id = String(id);
    }
    get title(): string {
      return this.attributes.title || '';
    }
    set title(title: string) {
      this.attributes.title = String(title);
    }
    get hidden(): boolean {
      return 'hidden' in this.attributes;
    }
    set hidden(hidden: boolean) {
      if (hidden) this.attributes.hidden = '';
      else delete this.attributes.hidden;
    }
    get textContent(): string {
      return this.childNodes.map((n) => n.textContent).join('');
    }
    set textContent(text: string) {
      this.empty();
      if (text !== null && text !== undefined && String(text) !== '') this.appendChild(new TextNode(String(text)));
    }
    get innerText(): string {
      return this.textContent;
    }
    set innerText(text: string) {
      this.textContent = text;
    }
    get innerHTML(): string {
      return this.childNodes.map((n) => (n instanceof DomElement ? n.outerHTML : n instanceof HtmlNode ? n.html : escapeText(n.textContent))).join('');
    }
    set innerHTML(html: string) {
      this.empty();
      if (html !== null && html !== undefined && String(html) !== '') this.appendChild(new HtmlNode(String(html)));
    }
    get outerHTML(): string {
      const attrs = Object.keys(this.attributes)
        .map((k) => ` ${k}="${escapeText(this.attributes[k]).replace(/"/g, '&quot;')}"`)
        .join('');
      return `<${this.localName}${attrs}>${this.innerHTML}</${this.localName}>`;
    }

    // Children. A node moves from wherever it was; strings become text; a fragment gives its children.
    private adopt(node: unknown): DomNode[] {
      if (node instanceof DomElement && node.localName === FRAGMENT) return node.childNodes.slice().flatMap((n) => this.adopt(n));
      const child = node instanceof DomNode ? node : new TextNode(String(node));
      for (let p: DomElement | null = this; p; p = p.parentNode) if (p === child) throw new Error('The new child element contains the parent.');
      child.remove();
      child.parentNode = this;
      return [child];
    }
    appendChild<T>(node: T): T {
      const adopted = this.adopt(node);
      // One node but for a fragment (a spread costs QuickJS more than the append: dv.el appends twice).
      if (adopted.length === 1) this.childNodes.push(adopted[0]);
      else this.childNodes.push(...adopted);
      return node;
    }
    append(...nodes: unknown[]): void {
      nodes.forEach((n) => {
        this.appendChild(n);
      });
    }
    prepend(...nodes: unknown[]): void {
      this.childNodes.splice(0, 0, ...nodes.flatMap((n) => this.adopt(n)));
    }
    insertBefore<T>(node: T, reference: DomNode | null): T {
      const children = this.adopt(node);
      const at = reference ? this.childNodes.indexOf(reference) : -1;
      this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, ...children);
      return node;
    }
    removeChild<T extends DomNode>(node: T): T {
      if (node.parentNode === this) node.remove();
      return node;
    }
    replaceChildren(...nodes: unknown[]): void {
      this.empty();
      this.append(...nodes);
    }
    replaceWith(...nodes: unknown[]): void {
      const parent = this.parentNode;
      if (!parent) return;
      const at = parent.childNodes.indexOf(this);
      this.remove();
      parent.childNodes.splice(at, 0, ...nodes.flatMap((n) => parent.adopt(n)));
    }
    empty(): void {
      this.childNodes.slice().forEach((n) => {
        n.remove();
      });
    }
    contains(node: unknown): boolean {
      for (let n = node as DomNode | null; n; n = n.parentNode) if (n === this) return true;
      return false;
    }

    // Obsidian's helpers (obsidian.d.ts: createEl, createDiv, createSpan, setText, addClass…).
    createEl(tag: unknown, info?: ElementInfo | string, callback?: (el: DomElement) => void): DomElement {
      const name = String(tag).toLowerCase();
      const element = new DomElement(name, this.appOnly);
      const o: ElementInfo = typeof info === 'string' ? { cls: info } : info || {};
      if (o.cls !== undefined) element.addClass(...classNames(o.cls));
      if (o.text !== undefined && o.text !== null) element.setText(o.text);
      if (o.attr && typeof o.attr === 'object') element.setAttrs(o.attr as Row);
      for (let i = 0; i < INFO_ATTRIBUTES.length; i++) {
        const key = INFO_ATTRIBUTES[i];
        if (o[key] !== undefined && o[key] !== null) element.setAttribute(key, o[key]);
      }
      if (APP_ONLY.has(name)) this.appOnly(name);
      else {
        const parent = o.parent instanceof DomElement ? o.parent : this;
        if (o.prepend) parent.prepend(element);
        else parent.appendChild(element);
      }
      if (typeof callback === 'function') callback(element);
      return element;
    }
    createDiv(info?: ElementInfo | string, callback?: (el: DomElement) => void): DomElement {
      return this.createEl('div', info, callback);
    }
    createSpan(info?: ElementInfo | string, callback?: (el: DomElement) => void): DomElement {
      return this.createEl('span', info, callback);
    }
    setText(text: unknown): void {
      if (text instanceof DomNode) this.replaceChildren(text);
      else this.textContent = String(text);
    }
    getText(): string {
      return this.textContent;
    }
    appendText(text: unknown): void {
      this.appendChild(new TextNode(String(text)));
    }
    addClass(...names: string[]): void {
      this.classList.add(...classNames(names));
    }
    addClasses(names: string[]): void {
      this.addClass(...names);
    }
    removeClass(...names: string[]): void {
      this.classList.remove(...classNames(names));
    }
    removeClasses(names: string[]): void {
      this.removeClass(...names);
    }
    toggleClass(names: unknown, on: boolean): void {
      classNames(names).forEach((n) => {
        this.classList.toggle(n, on);
      });
    }
    hasClass(name: string): boolean {
      return this.classList.contains(name);
    }
    setAttribute(name: unknown, value: unknown): void {
      const key = String(name).toLowerCase();
      if (key === 'style') this.style.cssText = String(value);
      else this.attributes[key] = String(value);
    }
    getAttribute(name: unknown): string | null {
      const key = String(name).toLowerCase();
      if (key === 'style') return this.style.cssText;
      return key in this.attributes ? this.attributes[key] : null;
    }
    hasAttribute(name: unknown): boolean {
      return this.getAttribute(name) !== null;
    }
    removeAttribute(name: unknown): void {
      const key = String(name).toLowerCase();
      if (key === 'style') this.style.cssText = '';
      else delete this.attributes[key];
    }
    setAttr(name: unknown, value: unknown): void {
      if (value === null || value === undefined || value === false) this.removeAttribute(name);
      else this.setAttribute(name, value === true ? '' : value);
    }
    setAttrs(attrs: Row): void {
      Object.keys(attrs).forEach((k) => {
        this.setAttr(k, attrs[k]);
      });
    }
    getAttr(name: unknown): string | null {
      return this.getAttribute(name);
    }
    setCssStyles(styles: Row): void {
      Object.keys(styles).forEach((k) => {
        (this.style as unknown as Row)[k] = styles[k];
      });
    }
    setCssProps(props: Row): void {
      Object.keys(props).forEach((k) => {
        this.style.setProperty(k, props[k]);
      });
    }
    show(): void {
      this.style.display = '';
    }
    hide(): void {
      this.style.display = 'none';
    }
    toggle(show: boolean): void {
      if (show) this.show();
      else this.hide();
    }
    isShown(): boolean {
      return this.style.display !== 'none';
    }

    querySelectorAll(selector: string): DomElement[] {
      const test = selectorTest(selector, this);
      const found: DomElement[] = [];
      const walk = (element: DomElement) => {
        element.children.forEach((child) => {
          if (test(child)) found.push(child);
          walk(child);
        });
      };
      walk(this);
      return found;
    }
    querySelector(selector: string): DomElement | null {
      return this.querySelectorAll(selector)[0] || null;
    }
    find(selector: string): DomElement | null {
      return this.querySelector(selector);
    }
    findAll(selector: string): DomElement[] {
      return this.querySelectorAll(selector);
    }
    matches(selector: string): boolean {
      return selectorTest(selector, this)(this);
    }
    getElementsByClassName(name: string): DomElement[] {
      return this.querySelectorAll(`.${String(name).trim().split(/\s+/).join('.')}`);
    }
    getElementsByTagName(name: string): DomElement[] {
      return this.querySelectorAll(String(name));
    }

    // Listeners and focus do nothing on a static page.
    addEventListener(..._args: unknown[]): void {}
    removeEventListener(..._args: unknown[]): void {}
    on(): void {}
    off(): void {}
    onClickEvent(): void {}
    click(): void {}
    focus(): void {}
    blur(): void {}

    /**
     * Lets go of the subtree: parent and child links, and a class list's element, are reference cycles, which QuickJS
     * frees only when its collector runs, a pass over the whole heap (the snapshot's too).
     */
    release(): void {
      this.childNodes.forEach((node) => {
        node.parentNode = null;
        if (node instanceof DomElement) node.release();
      });
      this.childNodes = [];
      this.ownClassList = undefined;
    }

    toJson(): DomJson {
      const attr: Record<string, string> = {};
      Object.keys(this.attributes).forEach((k) => {
        attr[k] = this.attributes[k];
      });
      const dataset = this.ownDataset || {};
      Object.keys(dataset).forEach((k) => {
        attr[`data-${kebab(k)}`] = String(dataset[k]);
      });
      return { tag: this.localName, attr, style: this.ownStyle ? this.ownStyle.toJson() : {}, children: this.childNodes.map((n) => n.toJson()) };
    }
  }

  /** Who is told of elements made through the globals below: the block that runs now (blocks run one at a time). */
  let blockAppOnly = (_tag: string) => {};
  const appOnlyOfBlock = (tag: string) => blockAppOnly(tag);
  const detached = (tag: string) => new DomElement(String(tag).toLowerCase(), appOnlyOfBlock);
  const fragment = () => detached(FRAGMENT);

  /**
   * What vault scripts reach for besides dv.container: Obsidian's global createEl/createDiv/createSpan/createFragment,
   * and a `document` whose elements start detached (querying it finds nothing: the page is the block's container).
   */
  const globals = {
    createEl: (tag: unknown, info?: ElementInfo | string, callback?: (el: DomElement) => void) => fragment().createEl(tag, info, callback).detachSelf(),
    createDiv: (info?: ElementInfo | string, callback?: (el: DomElement) => void) => fragment().createDiv(info, callback).detachSelf(),
    createSpan: (info?: ElementInfo | string, callback?: (el: DomElement) => void) => fragment().createSpan(info, callback).detachSelf(),
    createFragment: (callback?: (el: DomElement) => void) => {
      const f = fragment();
      if (typeof callback === 'function') callback(f);
      return f;
    },
    getComputedStyle: (element: DomElement) => ({
      display: element.style.display || 'block',
      getPropertyValue: (name: string) => element.style.getPropertyValue(name),
    }),
    document: {
      readyState: 'complete',
      body: null,
      createElement: detached,
      createTextNode: (text: unknown) => new TextNode(String(text)),
      createDocumentFragment: fragment,
      querySelector: () => null,
      querySelectorAll: () => [],
      getElementById: () => null,
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  };

  /** A block's container: output records and elements in call order. */
  const createContainer = (appOnly: (tag: string) => void) => {
    blockAppOnly = appOnly;
    const container = new DomElement('div', appOnly);
    return {
      container,
      /** Adds an output record at the end of the container. */
      addRecord: (record: Row) => container.appendChild(new BlockNode(record)),
      /** dv.el's content: its value as output JSON. */
      valueNode: (value: Row) => new ValueNode(value),
      /**
       * The container's content as the block's output: records as they are, everything else as a tree. A container the
       * block gave classes, attributes or style (`dv.container.className += ' imagegrid'`, which its CSS targets) is
       * itself the one tree, a div around everything.
       */
      output: (): Row[] => {
        const root = container.toJson() as { attr: object; style: object };
        if (Object.keys(root.attr).length || Object.keys(root.style).length) return [{ kind: 'dom', node: root }];
        return container.childNodes.map((node) => (node instanceof BlockNode ? node.record : { kind: 'dom', node: node.toJson() }));
      },
      /** Once the output is taken: the block's tree lets go of itself (DomElement.release). */
      release: () => container.release(),
    };
  };

  /**
   * A node given as a value (dv.span(el), a table cell, a list item): its tree, taken out of wherever it was, as
   * Dataview's renderValue appends the element itself (it moves). Undefined for anything else.
   */
  const nodeValue = (value: unknown): DomJson | undefined => {
    if (!(value instanceof DomNode)) return undefined;
    value.remove();
    return value instanceof DomElement && value.localName === FRAGMENT
      ? { tag: '', attr: {}, style: {}, children: value.childNodes.map((n) => n.toJson()) }
      : value.toJson();
  };

  /** Every class whose prototype a block can reach: frozen before blocks run (isolation.ts). */
  const sharedClasses = [DomNode, TextNode, ValueNode, HtmlNode, BlockNode, Style, ClassList, DomElement];

  return { createContainer, DomElement, DomNode, isAppOnly, nodeValue, sharedClasses, globals };
}

export type DomElements = ReturnType<typeof domElements>;
