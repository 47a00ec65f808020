import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    // The GitHub emulator is a package: use it through its entry points only.
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    ignores: ["packages/github-emulator/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          {
            group: ["**/packages/github-emulator", "**/packages/github-emulator/**", "@/packages/**"],
            message: "Import the emulator as @hublink/github-emulator or @hublink/github-emulator/testing.",
          },
          {
            regex: "^@hublink/github-emulator/(?!testing$)",
            message: "Only @hublink/github-emulator and @hublink/github-emulator/testing are public.",
          },
        ],
      }],
    },
  },
  {
    // The emulator knows nothing about Hublink: no imports of the app's code.
    files: ["packages/github-emulator/**/*.{ts,mjs}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/*", "**/lib/**", "**/app/**", "@hublink/*", "!@hublink/github-emulator*"], message: "The emulator must not depend on Hublink's code." }],
      }],
    },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
