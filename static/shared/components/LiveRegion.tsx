/** Announces changes (a new assessment, a decision saved) to screen readers without moving focus. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="gk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
