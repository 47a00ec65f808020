// Redaction of every log line, applied to the serialized line itself just before it is written, so
// no call site can leak a token by passing it in a message, a field or an error's stack.
// Not server-only: the production server (scripts/server.ts) logs outside the Next.js bundle.

/**
 * GitHub's token formats: gho_/ghp_/ghu_/ghs_/ghr_ prefixes and fine-grained github_pat_ tokens.
 * Matched wherever they start, with no word boundary before them: the line is redacted as written,
 * so a token after a line break or a tab follows the letter of its JSON escape (`\nghu_…`), and one
 * in URL-encoded text follows a digit (`%20ghu_…`).
 */
const GITHUB_TOKEN = /(?:gh[opusr]_|github_pat_)[A-Za-z0-9_]{8,}/g;

export const REDACTED = "[REDACTED]";

/** Shorter configured values are not secrets worth the false positives (e.g. an empty password). */
const MIN_SECRET_LENGTH = 8;

export function createRedactor(secrets: readonly string[]): (line: string) => string {
  // Each secret as written and as JSON escapes it inside a string, longest first so a secret that
  // contains another is replaced whole.
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))]
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line.replace(GITHUB_TOKEN, REDACTED);
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}
