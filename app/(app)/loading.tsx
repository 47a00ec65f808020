export default function Loading() {
  return (
    <div className="panel-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}
