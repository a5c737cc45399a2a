/** A spinner with words; every request behind it ends (see RESOLVER_TIMEOUT_MS). */
export function Loading({ label }: { label: string }) {
  return (
    <div className="gk-loading" role="status">
      <span className="gk-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
