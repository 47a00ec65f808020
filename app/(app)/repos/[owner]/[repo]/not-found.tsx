import { RequestedPath } from "@/app/components/requested-path";
import { RepositoryLink, RepositoryName } from "../repository-name";

// Below the header of a repository that exists (layout.tsx): the repository is there, the page is not.
// An unknown or hidden repository is the parent's not-found page, decided in layout.tsx.
export default function RepositoryPageNotFound() {
  return (
    <section className="notice">
      <h2 tabIndex={-1}>
        Page not found in <RepositoryName />
      </h2>
      <p>
        Hublink has no page at <RequestedPath />. It shows a repository&apos;s issues and pull requests.
      </p>
      <RepositoryLink>Back to the repository</RepositoryLink>
    </section>
  );
}
