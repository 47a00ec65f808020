import Link from "next/link";

// Previous / next links that keep every other query parameter (filters, sort, tab).
export function Pagination({
  page,
  lastPage,
  hasPrevious,
  hasNext,
  baseHref,
  query,
}: {
  page: number;
  lastPage: number;
  hasPrevious: boolean;
  hasNext: boolean;
  baseHref: string;
  query: Record<string, string | undefined>;
}) {
  if (!hasPrevious && !hasNext) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${baseHref}?${search}` : baseHref;
  };
  return (
    <nav className="pagination" aria-label="Pagination">
      {hasPrevious ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          Previous
        </Link>
      ) : (
        <span aria-disabled="true">Previous</span>
      )}
      <span>
        Page {page} of {lastPage}
      </span>
      {hasNext ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next
        </Link>
      ) : (
        <span aria-disabled="true">Next</span>
      )}
    </nav>
  );
}
