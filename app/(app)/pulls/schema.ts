import { z } from "zod";
import { DEFAULT_FILTERS, PULL_FILTERS, type PullFilter } from "@/lib/github/views/work-filters";
import { oneOf, pageNumber } from "@/lib/navigation/query";

// /pulls?filter=&state=&page= — an unknown filter (even one every object has, like `constructor`)
// is the default filter.
export const pullsQuery = z.object({
  filter: oneOf(Object.keys(PULL_FILTERS) as [PullFilter, ...PullFilter[]], DEFAULT_FILTERS.pr),
  state: oneOf(["open", "closed"], "open"),
  page: pageNumber,
});
