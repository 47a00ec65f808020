import { PageNotFound } from "@/app/components/page-not-found";

// An unknown page under a section of the app ([...missing] routes), inside the shell.
export default function AppNotFound() {
  return <PageNotFound />;
}
