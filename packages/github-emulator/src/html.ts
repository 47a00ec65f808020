// Server-rendered pages: plain forms, no client JS, readable with simple styling.

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; background: #f6f8fa; margin: 0; }
  header { background: #24292f; color: #fff; padding: 12px 24px; font-weight: 600; }
  header small { font-weight: 400; opacity: .75; margin-left: 8px; }
  main { max-width: 720px; margin: 32px auto; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 24px 32px; }
  h1 { font-size: 22px; margin-top: 0; }
  button { font: inherit; padding: 6px 16px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; margin: 4px 8px 4px 0; }
  button.primary { background: #1f883d; border-color: #1a7f37; color: #fff; }
  button.danger { color: #cf222e; }
  ul.users { list-style: none; padding: 0; }
  ul.users li { display: flex; align-items: center; gap: 12px; padding: 6px 0; }
  ul.users img { width: 32px; height: 32px; border-radius: 50%; }
  .muted { color: #59636e; }
  .error { border-left: 4px solid #cf222e; padding-left: 12px; }
  code { background: #eff1f3; padding: 1px 4px; border-radius: 4px; word-break: break-all; }
  table { border-collapse: collapse; } td, th { text-align: left; padding: 4px 12px 4px 0; vertical-align: top; }
  fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 12px 0; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · GitHub Emulator</title><style>${STYLE}</style></head>
<body><header>GitHub Emulator<small>local stand-in for github.com</small></header>
<main>${body}</main></body></html>`;
}

export function hiddenFields(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join("\n");
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${esc(title)}</h1><p class="error">${esc(message)}</p><p><a href="/">Emulator home</a></p>`);
}
