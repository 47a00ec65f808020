import { z } from "zod";
import { DEFAULT_FILTERS, ISSUE_FILTERS, type IssueFilter } from "@/lib/github/views/work-filters";
import { oneOf, pageNumber } from "@/lib/navigation/query";

// /issues?filter=&state=&page= — an unknown filter (even one every object has, like `constructor`)
// is the default filter.
export const issuesQuery = z.object({
  filter: oneOf(Object.keys(ISSUE_FILTERS) as [IssueFilter, ...IssueFilter[]], DEFAULT_FILTERS.issue),
  state: oneOf(["open", "closed"], "open"),
  page: pageNumber,
});
