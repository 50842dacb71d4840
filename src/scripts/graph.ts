// Progressive enhancement of the static /graph/ SVG: wheel or buttons to zoom, drag to pan. Loaded on that page only.

interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DRAG_THRESHOLD = 4; // px: below this a press is a click on a node, not a pan

export function enhanceSiteGraph(frame: HTMLElement): void {
  const svg = frame.querySelector('svg');
  if (!svg) return;
  const [x, y, width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  const initial: View = { x, y, width, height };
  let view = { ...initial };
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);

  /** Scale the view by `factor` around a point given as fractions of the frame (0.5, 0.5 = centre). */
  const zoom = (factor: number, fx = 0.5, fy = 0.5) => {
    const next = Math.min(Math.max(view.width * factor, initial.width / 40), initial.width * 4);
    const scale = next / view.width;
    view = { x: view.x + view.width * fx * (1 - scale), y: view.y + view.height * fy * (1 - scale), width: view.width * scale, height: view.height * scale };
    apply();
  };

  frame.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const box = frame.getBoundingClientRect();
      zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    },
    { passive: false },
  );

  let drag: { x: number; y: number; view: View; moved: boolean } | undefined;
  let panned = false;
  // A pan that ends over a node must not open it.
  frame.addEventListener(
    'click',
    (event) => {
      if (panned) event.preventDefault();
    },
    { capture: true },
  );
  frame.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('.graph-controls')) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false };
    panned = false;
  });
  frame.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!drag.moved) frame.setPointerCapture(event.pointerId);
    drag.moved = true;
    frame.classList.add('is-dragging');
    // The SVG keeps its aspect ratio ("meet"): one screen pixel is the larger of the two ratios in view units.
    const box = frame.getBoundingClientRect();
    const unitsPerPixel = Math.max(drag.view.width / box.width, drag.view.height / box.height);
    view = { ...drag.view, x: drag.view.x - dx * unitsPerPixel, y: drag.view.y - dy * unitsPerPixel };
    apply();
  });
  const endDrag = (event: PointerEvent) => {
    if (drag?.moved) {
      panned = true;
      frame.releasePointerCapture(event.pointerId);
    }
    drag = undefined;
    frame.classList.remove('is-dragging');
  };
  frame.addEventListener('pointerup', endDrag);
  frame.addEventListener('pointercancel', endDrag);

  const controls = document.createElement('div');
  controls.className = 'graph-controls';
  const button = (label: string, text: string, action: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.title = label;
    element.addEventListener('click', action);
    controls.append(element);
  };
  button(frame.dataset.zoomIn ?? '+', '+', () => zoom(1 / 1.4));
  button(frame.dataset.zoomOut ?? '−', '−', () => zoom(1.4));
  button(frame.dataset.reset ?? '⟲', '⟲', () => {
    view = { ...initial };
    apply();
  });
  frame.append(controls);
}
