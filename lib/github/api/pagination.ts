// GitHub's Link header → page numbers. No header: one page holds everything.
// https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api

export type PageInfo = { page: number; lastPage: number; hasPrevious: boolean; hasNext: boolean };

export function pageInfoFromLink(link: string | null | undefined, page: number): PageInfo {
  const pages: Record<string, number> = {};
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    const number = match?.[1] ? Number(new URL(match[1]).searchParams.get("page")) : NaN;
    if (match?.[2] && Number.isFinite(number)) pages[match[2]] = number;
  }
  const lastPage = pages.last ?? (pages.next ? pages.next : page);
  return { page, lastPage: Math.max(lastPage, page), hasPrevious: page > 1, hasNext: pages.next !== undefined };
}
