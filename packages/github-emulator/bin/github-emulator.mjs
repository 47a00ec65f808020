#!/usr/bin/env node
// `npx github-emulator`: runs the TypeScript CLI in this process through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
