import type { ReactNode } from 'react';

/** Atlassian's lozenge appearances; the text always carries the meaning, the colour only helps. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

export function Lozenge({ appearance = 'default', children }: { appearance?: LozengeAppearance; children: ReactNode }) {
  return <span className={`gk-lozenge gk-lozenge--${appearance}`}>{children}</span>;
}
