import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// Response schemas from @octokit/openapi (GitHub's own OpenAPI description), for the emulator's tests.

interface OpenApi {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
  components: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
let spec: OpenApi | undefined;
let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function load(): { spec: OpenApi; ajv: Ajv } {
  if (!spec || !ajv) {
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    spec = JSON.parse(readFileSync(file, "utf8")) as OpenApi;
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    // ajv-formats ships CommonJS; its default export arrives wrapped under ESM interop.
    const addFormats =
      (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
    addFormats(ajv);
    ajv.addSchema({ $id: "gh", components: fixNullable(spec.components) }, "gh");
  }
  return { spec, ajv };
}

/**
 * OpenAPI 3.0 puts `nullable: true` beside allOf/anyOf without a `type`, which ajv refuses; say the same thing
 * in JSON Schema: "this, or null".
 */
function fixNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fixNullable);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = fixNullable(v);
  // GitHub sends null for nullable enums (state_reason of an open issue); OpenAPI 3.0 wants null listed.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...(out.enum as unknown[]), null];
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

/** Validator for the JSON body of `METHOD path` with the given status, e.g. ("get", "/user/repos", 200). */
export function responseValidator(method: string, path: string, status = 200): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { spec, ajv } = load();
  const schema =
    spec.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`no schema for ${key}`);
  const rebased = JSON.parse(
    JSON.stringify(fixNullable(schema)).replace(/"#\/components\//g, '"gh#/components/'),
  ) as object;
  const validate = ajv.compile(rebased);
  cache.set(key, validate);
  return validate;
}

/** Throws with ajv's messages when `body` does not match GitHub's schema. */
export function assertMatchesSchema(method: string, path: string, body: unknown, status = 200): void {
  const validate = responseValidator(method, path, status);
  if (!validate(body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 10)
      .map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
    throw new Error(`${method.toUpperCase()} ${path} does not match GitHub's schema:\n${errors.join("\n")}`);
  }
}
