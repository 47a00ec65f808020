import { PanelSkeleton } from "@/app/components/github/panel";

// Under the repository's header and tabs (layout.tsx): the list's place, the size of a list.
export default function Loading() {
  return <PanelSkeleton title="Loading the list" rows={6} />;
}
