// Pan and zoom for a canvas board, loaded on the reader's first interaction with it (src/components/CanvasClient.astro).
// The board is complete without it: the SVG's viewBox fits it to the column and the viewport scrolls. Once enhanced,
// the viewport keeps its size and the viewBox moves: drag to pan, Ctrl/⌘ + wheel or pinch to zoom, buttons and keys.

interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

const STEP = 1.25;
/** Zoom limits, relative to the whole board: from four times the board's size in view to a tenth of it. */
const MIN_SPAN = 0.1;
const MAX_SPAN = 4;
const PAN_STEP = 0.1; // of the visible width/height per arrow key
const DRAG_THRESHOLD = 4; // px: below this a press is a click on a card, not a pan

const enhanced = new WeakSet<HTMLElement>();

/** Enhances `board`; `first` is the event that loaded the script, replayed if it was a press of a zoom button. */
export function enhanceCanvas(board: HTMLElement, first?: Event): void {
  if (enhanced.has(board)) return;
  enhanced.add(board);
  const viewport = board.querySelector<HTMLElement>('.canvas-viewport')!;
  const svg = viewport.querySelector('svg')!;
  const [bx, by, bw, bh] = board.dataset.box!.split(' ').map(Number);
  const whole: View = { x: bx, y: by, width: bw, height: bh };

  // From here on the viewport is a window of fixed size onto the board; start from what the reader was seeing.
  const frame = viewport.getBoundingClientRect();
  const shown = svg.getBoundingClientRect();
  const scale = shown.width / bw;
  let view: View = {
    x: bx + (frame.left - shown.left) / scale,
    y: by + Math.max(0, frame.top - shown.top) / scale,
    width: frame.width / scale,
    height: Math.min(frame.height, shown.height) / scale,
  };
  viewport.style.height = `${Math.round(Math.min(frame.height, shown.height))}px`;
  board.classList.add('is-interactive');

  const apply = () => {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
    board.dataset.scale = (viewport.clientWidth / Math.max(view.width, (view.height * viewport.clientWidth) / viewport.clientHeight)).toFixed(3);
  };
  /** Keeps the view's aspect ratio the viewport's, so "meet" adds no margins that would skew panning. */
  const fitAspect = (v: View): View => {
    const aspect = viewport.clientWidth / viewport.clientHeight;
    const width = Math.max(v.width, v.height * aspect);
    const height = width / aspect;
    return { x: v.x + (v.width - width) / 2, y: v.y + (v.height - height) / 2, width, height };
  };
  view = fitAspect(view);
  apply();

  /** Zoom by `factor` (> 1 = closer) around a point given as fractions of the viewport (0.5, 0.5 = centre). */
  const zoom = (factor: number, fx = 0.5, fy = 0.5) => {
    const span = Math.max(view.width / whole.width, view.height / whole.height);
    const next = Math.min(Math.max(span / factor, MIN_SPAN), MAX_SPAN);
    const ratio = next / span;
    view = { x: view.x + view.width * fx * (1 - ratio), y: view.y + view.height * fy * (1 - ratio), width: view.width * ratio, height: view.height * ratio };
    apply();
  };
  const fitAll = () => {
    view = fitAspect(whole);
    apply();
  };
  const pan = (dx: number, dy: number) => {
    view = { ...view, x: view.x + dx, y: view.y + dy };
    apply();
  };
  const actions: Record<string, () => void> = { in: () => zoom(STEP), out: () => zoom(1 / STEP), fit: fitAll };

  board.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-canvas-zoom]');
    if (button) actions[button.dataset.canvasZoom!]?.();
  });

  viewport.addEventListener(
    'wheel',
    (event) => {
      // A plain wheel scrolls the page as everywhere else; Ctrl/⌘ + wheel (and a trackpad pinch) zooms.
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = viewport.getBoundingClientRect();
      zoom(Math.exp(-event.deltaY / 300), (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    },
    { passive: false },
  );

  viewport.addEventListener('keydown', (event) => {
    const key = event.key;
    if (event.target !== viewport && key !== '+' && key !== '-' && key !== '0') return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (moves[key]) pan(moves[key][0] * view.width * PAN_STEP, moves[key][1] * view.height * PAN_STEP);
    else if (key === '+' || key === '=') zoom(STEP);
    else if (key === '-' || key === '_') zoom(1 / STEP);
    else if (key === '0') fitAll();
    else return;
    event.preventDefault();
  });

  // Pointers: one drags the board, two pinch it.
  const pointers = new Map<number, { x: number; y: number }>();
  let drag: { x: number; y: number; view: View; moved: boolean } | undefined;
  let pinch: { distance: number } | undefined;
  let dragged = false;
  viewport.addEventListener(
    'click',
    (event) => {
      // A drag that ends over a link must not follow it.
      if (dragged) event.preventDefault();
      dragged = false;
    },
    { capture: true },
  );
  viewport.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 1) drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false };
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) };
      drag = undefined;
    }
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const box = viewport.getBoundingClientRect();
      zoom(distance / pinch.distance, ((a.x + b.x) / 2 - box.left) / box.width, ((a.y + b.y) / 2 - box.top) / box.height);
      pinch.distance = distance;
      return;
    }
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!drag.moved) viewport.setPointerCapture(event.pointerId);
    drag.moved = true;
    board.classList.add('is-dragging');
    const unitsPerPixel = drag.view.width / viewport.clientWidth;
    view = { ...drag.view, x: drag.view.x - dx * unitsPerPixel, y: drag.view.y - dy * unitsPerPixel };
    apply();
  });
  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = undefined;
    if (drag?.moved) dragged = true;
    if (pointers.size === 0) {
      drag = undefined;
      board.classList.remove('is-dragging');
    }
  };
  // A press on a link or image would start the browser's own drag of it, which cancels the pan.
  viewport.addEventListener('dragstart', (event) => event.preventDefault());
  viewport.addEventListener('pointerup', release);
  viewport.addEventListener('pointercancel', release);
  // Touch: the board takes one-finger drags and pinches once enhanced (the page still scrolls outside it).
  viewport.style.touchAction = 'none';

  if (first?.type === 'click') {
    const button = (first.target as Element | null)?.closest<HTMLElement>('[data-canvas-zoom]');
    if (button) actions[button.dataset.canvasZoom!]?.();
  }
}
