/**
 * The outline each app shows while it loads, in one place for both places it is drawn: the build
 * writes it into index.html (vite-config.ts), so it is there at first paint before any script has
 * run, and React draws the same outline (components/Skeleton.tsx) until the first data arrives.
 * Widths are classes, not inline styles: Forge's Custom UI CSP refuses style attributes.
 */
export type SkeletonBarKind = 'text' | 'heading' | 'meter' | 'button' | 'card';
export type SkeletonBarWidth = 'full' | 'wide' | 'half' | 'narrow';

export interface SkeletonBar {
  readonly kind: SkeletonBarKind;
  readonly width: SkeletonBarWidth;
}

/** Roughly what each app shows once loaded: headers, the risk meter, buttons, cards. */
export const SKELETON_SHAPES = {
  'issue-panel': [
    { kind: 'text', width: 'half' },
    { kind: 'heading', width: 'wide' },
    { kind: 'meter', width: 'full' },
    { kind: 'button', width: 'narrow' },
    { kind: 'heading', width: 'half' },
    { kind: 'card', width: 'full' },
  ],
  'sprint-gadget': [
    { kind: 'heading', width: 'wide' },
    { kind: 'text', width: 'half' },
    { kind: 'meter', width: 'full' },
    { kind: 'card', width: 'full' },
    { kind: 'card', width: 'full' },
  ],
  settings: [
    { kind: 'heading', width: 'half' },
    { kind: 'text', width: 'wide' },
    { kind: 'card', width: 'full' },
    { kind: 'button', width: 'narrow' },
  ],
  'issue-context': [{ kind: 'text', width: 'wide' }],
} as const satisfies Record<string, readonly SkeletonBar[]>;

export type SkeletonShape = keyof typeof SKELETON_SHAPES;

export function skeletonBarClass(bar: SkeletonBar): string {
  return `gk-skeleton__bar gk-skeleton__bar--${bar.kind} gk-skeleton__bar--${bar.width}`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** The skeleton as markup for index.html: what components/Skeleton.tsx renders, before React runs. */
export function skeletonMarkup(shape: SkeletonShape, label: string): string {
  const text = label.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
  const bars = SKELETON_SHAPES[shape].map((bar) => `<span class="${skeletonBarClass(bar)}" aria-hidden="true"></span>`).join('');
  return `<div class="gk-skeleton" role="status" aria-busy="true"><span class="gk-visually-hidden">${text}</span>${bars}</div>`;
}
