import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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

// lib is server code and knows nothing of routes.
const NO_APP = { group: ["@/app/*", "**/app/*"], message: "lib/ never imports from app/." };

const restricted = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx", "proxy.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }], ...restricted([NO_APP]) },
  },
  ...Object.entries(GITHUB_LAYERS).map(([folder, forbidden]) => ({
    files: [`lib/github/${folder}/**/*.ts`],
    rules: restricted([NO_APP, ...layerPatterns(forbidden)]),
  })),
  {
    files: ["lib/github/client.ts"],
    rules: restricted([NO_APP, ...layerPatterns(["connect", "installations", "webhooks", "views"])]),
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
