import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import boundaries. ESLint keeps one `no-restricted-imports` setting per file (the last matching
// block wins), so each block below lists every pattern that applies to its files.

// The GitHub emulator is a package: used through its entry points only.
const EMULATOR_ENTRY_POINTS_ONLY = [
  {
    group: ["**/packages/github-emulator", "**/packages/github-emulator/**", "@/packages/**"],
    message: "Import the emulator as @hublink/github-emulator or @hublink/github-emulator/testing.",
  },
  {
    regex: "^@hublink/github-emulator/(?!testing$)",
    message: "Only @hublink/github-emulator and @hublink/github-emulator/testing are public.",
  },
];

// lib is server code and knows nothing of routes.
const NO_APP = { group: ["@/app/*", "**/app/*"], message: "lib/ never imports from app/." };

// The layers of lib/github, each allowed to import only the ones below it:
//   views → client → tokens → connection → db, with api/ (GitHub's HTTP surface) under all of them;
//   connect, installations and webhooks are flows that use the layers, never the other way round.
// A folder's entry lists the folders it must not import. Relative and "@/" imports are both caught.
const GITHUB_LAYERS = {
  api: ["client", "tokens", "connection", "connect", "installations", "webhooks", "views"],
  connection: ["client", "tokens", "connect", "installations", "webhooks", "views"],
  tokens: ["client", "connect", "installations", "webhooks", "views"],
  connect: ["client", "tokens", "installations", "webhooks", "views"],
  installations: ["webhooks", "views"],
  webhooks: ["views"],
  views: ["webhooks", "connect"],
};

const layerPatterns = (forbidden) =>
  forbidden.map((folder) => ({
    group: [
      `**/github/${folder}/*`,
      `../${folder}/*`,
      ...(folder === "client" ? ["**/github/client", "../client"] : []),
      // The words a connection is described in (kinds, statuses) are pure and shared by every layer.
      ...(folder === "connection" ? ["!**/connection/status", "!../connection/status"] : []),
    ],
    message: `lib/github layers import downward only (see docs/architecture.md): this folder must not import ${folder}/.`,
  }));

const restricted = (...patterns) => ({
  "no-restricted-imports": ["error", { patterns: [...EMULATOR_ENTRY_POINTS_ONLY, ...patterns] }],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures call their callback `use`, which is not React's hook; nor is the emulator's
    // vitest harness useEmulatorWithReceiver.
    files: ["e2e/**/*.ts", "packages/github-emulator/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    ignores: ["packages/github-emulator/**"],
    rules: restricted(),
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx", "proxy.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }], ...restricted(NO_APP) },
  },
  ...Object.entries(GITHUB_LAYERS).map(([folder, forbidden]) => ({
    files: [`lib/github/${folder}/**/*.ts`],
    rules: restricted(NO_APP, ...layerPatterns(forbidden)),
  })),
  {
    files: ["lib/github/client.ts"],
    rules: restricted(NO_APP, ...layerPatterns(["connect", "installations", "webhooks", "views"])),
  },
  {
    // The emulator knows nothing about Hublink: no imports of the app's code.
    files: ["packages/github-emulator/**/*.{ts,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "**/lib/**", "**/app/**", "@hublink/*", "!@hublink/github-emulator*"],
              message: "The emulator must not depend on Hublink's code.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
