import Link from "next/link";
import { RequestedPath } from "./requested-path";

/** Inside the shell: an address no page of the app answers, or something this person may not see. */
export function PageNotFound() {
  return (
    <section className="notice">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        Hublink has no page at <RequestedPath />, or you do not have access to it.
      </p>
      <Link href="/dashboard">Back to your dashboard</Link>
    </section>
  );
}
