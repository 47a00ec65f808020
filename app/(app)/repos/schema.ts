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
