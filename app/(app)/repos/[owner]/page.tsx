import { notFound } from "next/navigation";

// /repos/{owner} alone is no page (GitHub's would be the owner's profile).
export default function OwnerPage() {
  notFound();
}
