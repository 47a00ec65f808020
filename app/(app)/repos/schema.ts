import { z } from "zod";
import { oneOf, optionalString, pageNumber, text } from "@/lib/navigation/query";

// /repos?sort=&visibility=&owner=&q=&page=
export const repositoriesQuery = z.object({
  sort: oneOf(["updated", "name", "stars"], "updated"),
  visibility: oneOf(["all", "public", "private"], "all"),
  owner: optionalString(100).transform((v) => v || null),
  q: text(100),
  page: pageNumber,
});

/** The URL of a query with nothing empty or default in it, parameters in one order. */
export function cleanRepositoriesUrl(query: {
  text: string;
  owner: string | null;
  visibility: string;
  sort: string;
  page: number;
}): string {
  const params = new URLSearchParams();
  if (query.text) params.set("q", query.text);
  if (query.owner) params.set("owner", query.owner);
  if (query.visibility !== "all") params.set("visibility", query.visibility);
  if (query.sort !== "updated") params.set("sort", query.sort);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/repos?${search}` : "/repos";
}
