import { notFound } from "next/navigation";

// An address below a repository that Hublink has no page for (/repos/o/r/anything). A sibling of
// the (list) group, so no loading boundary wraps it: notFound() is thrown before anything streams
// and the answer is a real 404, under the repository's header (layout.tsx, which has already
// decided that the repository itself exists).
export default function MissingRepositoryPage() {
  notFound();
}
