import Link from "next/link";

// GitHub's pagination: previous, numbered pages with ellipses, next — every link keeping the other
// query parameters (filters, sort, tab). A page past the end says so instead of "Page 40 of 40".

/** The page numbers to show: the first, the last, and two either side of the current one. */
export function pageWindow(page: number, lastPage: number): (number | "gap")[] {
  const shown = new Set([1, lastPage]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= lastPage) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => {
    const previous = sorted[i - 1];
    if (previous === undefined || p === previous + 1) return [p];
    return p === previous + 2 ? [previous + 1, p] : ["gap" as const, p];
  });
}

export function Pagination({
  page,
  lastPage,
  hasPrevious,
  hasNext,
  baseHref,
  query,
  empty = false,
}: {
  page: number;
  lastPage: number;
  hasPrevious: boolean;
  hasNext: boolean;
  baseHref: string;
  query: Record<string, string | undefined>;
  /** This page holds nothing. */
  empty?: boolean;
}) {
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${baseHref}?${search}` : baseHref;
  };
  if (empty && page > 1) {
    return (
      <p className="pagination past-the-end" role="status">
        There is no page {page} of this list. <Link href={hrefFor(1)}>Go to the first page</Link>
      </p>
    );
  }
  if (!hasPrevious && !hasNext) return null;
  const last = Math.max(lastPage, page);
  return (
    <nav className="pagination" aria-label="Pagination">
      {hasPrevious ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          Previous
        </Link>
      ) : (
        <span aria-disabled="true">Previous</span>
      )}
      <ul>
        {pageWindow(page, last).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">
                  <span className="visually-hidden">Page </span>
                  {p}
                  <span className="visually-hidden"> of {last}</span>
                </span>
              ) : (
                <Link href={hrefFor(p)} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
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
