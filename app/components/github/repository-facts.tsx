import type { RepositoryHeader } from "@/lib/github/views/repositories";
import { plural } from "@/app/components/plural";
import { Time } from "@/app/components/time";
import { Language } from "./language";

// The line of facts under a repository's name: language, stars, forks, default branch, last update.
export function RepositoryFacts({ repository: r }: { repository: RepositoryHeader }) {
  return (
    <p className="item-meta item-facts">
      {r.language && <Language name={r.language} />}
      <span>
        ★ {r.stars} {plural(r.stars, "star")}
      </span>
      <span>
        {r.forks} {plural(r.forks, "fork")}
      </span>
      <span>Default branch {r.defaultBranch}</span>
      {r.updatedAt && (
        <span>
          Updated <Time value={r.updatedAt} />
        </span>
      )}
    </p>
  );
}
