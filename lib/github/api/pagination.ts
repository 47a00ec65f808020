// GitHub's Link header → page numbers. No header: one page holds everything.
// https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api

export type PageInfo = { page: number; lastPage: number; hasPrevious: boolean; hasNext: boolean };

// A link-value is `<URI-reference>` and then its parameters, in any order, `rel` quoted or not
// (RFC 8288). github.com sends absolute URLs with `rel` first; servers that imitate it may send URLs
// relative to the request, or `rel` after other parameters.
const LINK_VALUE = /<([^>]*)>([^<]*)/g;
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i;
/** Only the `page` parameter is read, so a relative URL needs a base, not the request's own URL. */
const ANY_BASE = "http://link.invalid/";

function pageOf(target: string): number | undefined {
  let value: string | null;
  try {
    value = new URL(target, ANY_BASE).searchParams.get("page");
  } catch {
    return undefined;
  }
  const number = Number(value);
  return value !== null && Number.isFinite(number) ? number : undefined;
}

export function pageInfoFromLink(link: string | null | undefined, page: number): PageInfo {
  const pages: Record<string, number | undefined> = {};
  for (const [, target = "", parameters = ""] of (link ?? "").matchAll(LINK_VALUE)) {
    const rel = REL.exec(parameters);
    // One link may name several relations ("next last").
    for (const relation of (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/).filter(Boolean))
      pages[relation] = pageOf(target);
  }
  const lastPage = pages.last ?? pages.next ?? page;
  return { page, lastPage: Math.max(lastPage, page), hasPrevious: page > 1, hasNext: "next" in pages };
}
