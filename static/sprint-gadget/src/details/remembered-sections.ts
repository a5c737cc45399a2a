/**
 * Which of the gadget's detail sections a person left open, per board, kept across reloads. A
 * Custom UI iframe runs with `allow-same-origin` (https://developer.atlassian.com/platform/forge/custom-ui/iframe/),
 * so it has the Web Storage of the app's own origin; but browsers may still refuse storage to a
 * third-party frame (blocked or partitioned storage, private windows), and then even reading
 * `window.localStorage` throws. Every access is guarded, and what cannot be stored is remembered
 * in memory for as long as the frame lives.
 */
import { useCallback, useState } from 'react';

export const DETAIL_SECTIONS = ['items', 'burn-up', 'churn', 'decisions', 'bypassed', 'history'] as const;
export type DetailSection = (typeof DETAIL_SECTIONS)[number];

const KEY_PREFIX = 'goalkeeper.sprint-gadget.open-sections.board-';
const inMemory = new Map<string, string>();

export function storageKeyOf(boardId: number): string {
  return `${KEY_PREFIX}${boardId}`;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readRaw(key: string): string | null {
  try {
    const stored = browserStorage()?.getItem(key);
    if (stored !== null && stored !== undefined) return stored;
  } catch {
    // Refused by the browser: the in-memory copy below is all there is.
  }
  return inMemory.get(key) ?? null;
}

function writeRaw(key: string, value: string): void {
  inMemory.set(key, value);
  try {
    browserStorage()?.setItem(key, value);
  } catch {
    // Refused or full: the in-memory copy keeps it for this frame's life.
  }
}

/** The open sections as stored; anything unknown (an older gadget's section, hand-edited storage) is left out. */
export function readOpenSections(boardId: number): ReadonlySet<DetailSection> {
  const raw = readRaw(storageKeyOf(boardId));
  if (raw === null) return new Set();
  try {
    const parsed: unknown = JSON.parse(raw);
    return new Set(Array.isArray(parsed) ? DETAIL_SECTIONS.filter((section) => parsed.includes(section)) : []);
  } catch {
    return new Set();
  }
}

export function writeOpenSections(boardId: number, open: ReadonlySet<DetailSection>): void {
  writeRaw(storageKeyOf(boardId), JSON.stringify(DETAIL_SECTIONS.filter((section) => open.has(section))));
}

export interface RememberedSections {
  readonly open: ReadonlySet<DetailSection>;
  readonly toggle: (section: DetailSection) => void;
  readonly reveal: (section: DetailSection) => void;
}

export function useRememberedSections(boardId: number): RememberedSections {
  const [open, setOpen] = useState(() => readOpenSections(boardId));
  const change = useCallback(
    (section: DetailSection, show: (isOpen: boolean) => boolean) =>
      setOpen((current) => {
        const next = new Set(current);
        if (show(current.has(section))) next.add(section);
        else next.delete(section);
        writeOpenSections(boardId, next);
        return next;
      }),
    [boardId],
  );
  return {
    open,
    toggle: useCallback((section: DetailSection) => change(section, (isOpen) => !isOpen), [change]),
    reveal: useCallback((section: DetailSection) => change(section, () => true), [change]),
  };
}
