import type { Account, CheckRunState, Issue, Label, Org, PullInfo, Repo, ReviewState, StatusState } from "./model";

// Deterministic seed: the same ids and dates after every reset, so tests and screenshots are stable.

export interface World {
  accounts: Map<string, Account | Org>;
  repos: Repo[];
  reposByFullName: Map<string, Repo>;
  /** Issues and pull requests per repository id; big repos fill in on first read. */
  issues: Map<number, Issue[]>;
  labels: Label[];
  nextId: () => number;
}

const BASE = Date.UTC(2024, 0, 15, 9, 0, 0);
const day = 24 * 3600 * 1000;
export const isoDaysAfterBase = (days: number): string =>
  new Date(BASE + days * day).toISOString().replace(/\.\d{3}Z$/, "Z");

function user(id: number, login: string, name: string, extra: Partial<Account> = {}): Account {
  return {
    id,
    login,
    type: "User",
    name,
    email: `${login}@example.com`,
    company: null,
    location: null,
    bio: null,
    followers: 0,
    following: 0,
    createdAt: isoDaysAfterBase(-900 + (id % 97)),
    ...extra,
  };
}

export const LABELS: Label[] = [
  { id: 208045946, name: "bug", color: "d73a4a", description: "Something isn't working" },
  { id: 208045947, name: "documentation", color: "0075ca", description: "Improvements or additions to documentation" },
  { id: 208045948, name: "enhancement", color: "a2eeef", description: "New feature or request" },
  { id: 208045949, name: "question", color: "d876e3", description: "Further information is requested" },
];

interface IssueSeed {
  title: string;
  by: string;
  state?: "open" | "closed";
  stateReason?: "not_planned";
  labels?: string[];
  assignees?: string[];
  comments?: number;
  pr?: {
    head: string;
    draft?: boolean;
    reviewers?: string[];
    reviews?: [string, ReviewState][];
    /** A commit status (the older CI integrations). */
    ci?: StatusState;
    /** Check runs by name (GitHub Actions). */
    checks?: [string, CheckRunState][];
    merged?: boolean;
  };
}

const REPOS: {
  owner: string;
  name: string;
  private: boolean;
  language: string | null;
  description: string;
  collaborators?: string[];
  issues: IssueSeed[];
}[] = [
  {
    owner: "octocat",
    name: "hello-world",
    private: false,
    language: "Ruby",
    description: "My first repository on GitHub!",
    collaborators: ["monalisa"],
    issues: [
      { title: "Found a bug in the greeting", by: "hubot", labels: ["bug"], assignees: ["octocat"], comments: 3 },
      { title: "Update the README", by: "octocat", state: "closed", labels: ["documentation"], comments: 1 },
      {
        title: "Add a greeting endpoint",
        by: "octocat",
        pr: {
          head: "feature/greeting",
          reviewers: ["hubot"],
          reviews: [["hubot", "COMMENTED"]],
          ci: "success",
          checks: [["build", "success"]],
        },
      },
      {
        title: "WIP: dark mode",
        by: "monalisa",
        pr: { head: "dark-mode", draft: true, reviewers: ["octocat"], ci: "pending" },
      },
      { title: "Document the API", by: "monalisa", labels: ["enhancement"], assignees: ["octocat"] },
      {
        title: "Fix a typo",
        by: "hubot",
        state: "closed",
        comments: 2,
        pr: {
          head: "typo",
          reviews: [["octocat", "APPROVED"]],
          checks: [
            ["build", "success"],
            ["lint", "skipped"],
          ],
          merged: true,
        },
      },
    ],
  },
  {
    owner: "octocat",
    name: "spoon-knife",
    private: false,
    language: "HTML",
    description: "This repo is for demonstration purposes only.",
    issues: [{ title: "Fork me", by: "monalisa", labels: ["question"], comments: 4 }],
  },
  {
    owner: "octocat",
    name: "secret-plans",
    private: true,
    language: "TypeScript",
    description: "Nothing to see here",
    collaborators: ["monalisa"],
    issues: [
      { title: "Plan the launch", by: "octocat", labels: ["enhancement"], assignees: ["octocat", "monalisa"] },
      {
        title: "Secret feature",
        by: "octocat",
        pr: {
          head: "secret-feature",
          reviewers: ["monalisa"],
          reviews: [["monalisa", "CHANGES_REQUESTED"]],
          ci: "failure",
        },
      },
    ],
  },
  {
    owner: "hubot",
    name: "hubot-scripts",
    private: false,
    language: "CoffeeScript",
    description: "Scripts for hubot",
    collaborators: ["octocat"],
    issues: [
      {
        title: "Add a deploy script",
        by: "octocat",
        pr: { head: "octocat:deploy", reviewers: ["hubot"], reviews: [["hubot", "APPROVED"]], ci: "success" },
      },
      { title: "Flaky tests on CI", by: "hubot", labels: ["bug"], assignees: ["octocat"], comments: 5 },
      { title: "Old question", by: "monalisa", state: "closed", stateReason: "not_planned", labels: ["question"] },
    ],
  },
  {
    owner: "hubot",
    name: "private-notes",
    private: true,
    language: "Markdown",
    description: "Hubot's notes",
    issues: [{ title: "Remember the milk", by: "hubot" }],
  },
  {
    owner: "monalisa",
    name: "smile",
    private: false,
    language: "Python",
    description: "A famous smile",
    collaborators: ["octocat"],
    issues: [
      {
        title: "Improve the smile",
        by: "monalisa",
        pr: { head: "better-smile", reviewers: ["octocat"], ci: "failure" },
      },
      { title: "Why is she smiling?", by: "octocat", labels: ["question"], comments: 7 },
    ],
  },
  {
    owner: "monalisa",
    name: "sketchbook",
    private: true,
    language: null,
    description: "Drafts",
    issues: [{ title: "Sketch a cat", by: "monalisa", assignees: ["monalisa"] }],
  },
  {
    owner: "octo-org",
    name: "octo-app",
    private: false,
    language: "Go",
    description: "The organization's app",
    issues: [
      { title: "Crash on start", by: "hubot", labels: ["bug"], assignees: ["octocat"], comments: 2 },
      // CI through GitHub Actions only: no commit status, one failing check run.
      {
        title: "Add health checks",
        by: "hubot",
        pr: {
          head: "health",
          reviewers: ["octocat"],
          checks: [
            ["test", "failure"],
            ["lint", "success"],
          ],
        },
      },
    ],
  },
  {
    owner: "octo-org",
    name: "octo-infra",
    private: true,
    language: "HCL",
    description: "Infrastructure",
    issues: [{ title: "Rotate credentials", by: "octocat", assignees: ["hubot"] }],
  },
];

export const BIGCAT_REPOS = 260;
export const BIG_REPO = { owner: "bigcat", name: "big-repo", issues: 1200 };

export function createWorld(): World {
  let id = 10_000_000;
  const nextId = () => ++id;
  const accounts = new Map<string, Account | Org>();
  for (const a of [
    user(583231, "octocat", "The Octocat", {
      email: "octocat@github.com",
      company: "@github",
      location: "San Francisco",
      bio: "GitHub's mascot",
      followers: 20,
      following: 9,
    }),
    user(480938, "hubot", "Hubot", { email: "hubot@github.com", bio: "A chat bot", followers: 5, following: 1 }),
    user(2, "monalisa", "Mona Lisa Octocat", {
      email: "monalisa@github.com",
      location: "Paris",
      followers: 12,
      following: 3,
    }),
    user(9001, "bigcat", "Big Cat", { followers: 1, following: 0 }),
  ])
    accounts.set(a.login, a);
  const org: Org = {
    ...user(9919, "octo-org", "Octo Org", { email: null, bio: "The octo organization" }),
    type: "Organization",
    admins: ["octocat"],
    members: ["octocat", "hubot"],
  };
  accounts.set(org.login, org);

  const repos: Repo[] = [];
  const issues = new Map<number, Issue[]>();
  let repoId = 1296268;
  const addRepo = (
    r: Omit<Repo, "id" | "defaultBranch" | "stars" | "forks" | "createdAt" | "updatedAt" | "pushedAt">,
    n: number,
  ): Repo => {
    const repo: Repo = {
      id: ++repoId,
      defaultBranch: "main",
      stars: (n * 7) % 50,
      forks: (n * 3) % 10,
      createdAt: isoDaysAfterBase(-300 + n),
      updatedAt: isoDaysAfterBase((n * 2) % 90),
      pushedAt: isoDaysAfterBase((n * 2) % 90),
      ...r,
    };
    repos.push(repo);
    return repo;
  };

  REPOS.forEach((seed, n) => {
    const repo = addRepo(
      {
        owner: seed.owner,
        name: seed.name,
        private: seed.private,
        description: seed.description,
        language: seed.language ?? null,
        collaborators: seed.collaborators ?? [],
      },
      n,
    );
    issues.set(
      repo.id,
      seed.issues.map((s, i) => seedIssue(repo, s, i + 1, nextId)),
    );
  });
  for (let n = 1; n <= BIGCAT_REPOS; n++) {
    const name = `cat-project-${String(n).padStart(3, "0")}`;
    addRepo(
      {
        owner: "bigcat",
        name,
        private: n % 5 === 0,
        description: `Generated project ${n}`,
        language: "JavaScript",
        collaborators: [],
      },
      100 + n,
    );
  }
  addRepo(
    {
      owner: BIG_REPO.owner,
      name: BIG_REPO.name,
      private: false,
      description: "A repository with many issues",
      language: "Rust",
      collaborators: [],
      lazyIssueCount: BIG_REPO.issues,
    },
    99,
  );

  return {
    accounts,
    repos,
    reposByFullName: new Map(repos.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r])),
    issues,
    labels: LABELS,
    nextId,
  };
}

function seedIssue(repo: Repo, s: IssueSeed, number: number, nextId: () => number): Issue {
  const created = isoDaysAfterBase(number * 3 + (repo.id % 11));
  const closed = s.state === "closed";
  const issue: Issue = {
    id: nextId(),
    repoId: repo.id,
    number,
    title: s.title,
    body: `${s.title}.\n\nSeeded by the GitHub emulator.`,
    user: s.by,
    state: s.state ?? "open",
    labels: s.labels ?? [],
    assignees: s.assignees ?? [],
    comments: s.comments ?? 0,
    createdAt: created,
    updatedAt: isoDaysAfterBase(number * 3 + (repo.id % 11) + 2),
    closedAt: closed ? isoDaysAfterBase(number * 3 + 5) : null,
    ...(closed ? { stateReason: s.stateReason ?? "completed" } : {}),
  };
  if (s.pr) {
    const reviews = (s.pr.reviews ?? []).map(([login, state], i) => ({
      id: nextId(),
      user: login,
      state,
      submittedAt: isoDaysAfterBase(number * 3 + 1 + i),
    }));
    const pull: PullInfo = {
      id: nextId(),
      head: s.pr.head,
      base: repo.defaultBranch,
      headSha: sha(`${repo.owner}/${repo.name}#${number}`),
      draft: s.pr.draft ?? false,
      requestedReviewers: s.pr.reviewers ?? [],
      reviews,
      statuses: s.pr.ci ? [{ id: nextId(), context: "ci/build", state: s.pr.ci, description: `Build ${s.pr.ci}` }] : [],
      checkRuns: (s.pr.checks ?? []).map(([name, state]) => ({
        id: nextId(),
        name,
        state,
        startedAt: isoDaysAfterBase(number * 3 + 1),
      })),
      mergedAt: s.pr.merged ? issue.closedAt : null,
    };
    issue.pull = pull;
  }
  return issue;
}

/** Issues of a generated big repository, built on first read. */
export function generateBigIssues(repo: Repo, count: number, nextId: () => number): Issue[] {
  const names = LABELS.map((l) => l.name);
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const closed = number % 3 === 0;
    return {
      id: nextId(),
      repoId: repo.id,
      number,
      title: `Generated issue ${number}`,
      body: null,
      user: number % 4 === 0 ? "octocat" : "bigcat",
      state: closed ? "closed" : "open",
      labels: [names[number % names.length] ?? "bug"],
      assignees: number % 10 === 0 ? ["bigcat"] : [],
      comments: number % 7,
      createdAt: isoDaysAfterBase(number / 10),
      updatedAt: isoDaysAfterBase(number / 10 + 1),
      closedAt: closed ? isoDaysAfterBase(number / 10 + 2) : null,
    } satisfies Issue;
  });
}

/** A stable fake commit sha (40 hex chars) derived from a string. */
export function sha(seed: string): string {
  let h = 2166136261;
  let out = "";
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}
