import type { ReactNode } from 'react';

/** Nothing to show yet, said plainly, with what to do about it. */
export function EmptyState({
  title,
  description,
  action,
  headingLevel = 3,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="gk-empty">
      <Heading className="gk-empty__title">{title}</Heading>
      {description && <p className="gk-empty__description">{description}</p>}
      {action}
    </div>
  );
}
