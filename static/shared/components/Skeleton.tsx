/**
 * The app's outline while its first data is on the way, in the place of a spinner: grey bars in
 * the shape of what is coming (skeleton-shapes.ts), a status that says in words what is loading
 * (visually hidden), and aria-busy while it lasts. Every request behind it ends (RESOLVER_TIMEOUT_MS).
 */
import { SKELETON_SHAPES, skeletonBarClass, type SkeletonShape } from '../skeleton-shapes';

export function Skeleton({ shape, label }: { shape: SkeletonShape; label: string }) {
  return (
    <div className="gk-skeleton" role="status" aria-busy="true">
      <span className="gk-visually-hidden">{label}</span>
      {SKELETON_SHAPES[shape].map((bar, index) => (
        <span key={index} className={skeletonBarClass(bar)} aria-hidden="true" />
      ))}
    </div>
  );
}
