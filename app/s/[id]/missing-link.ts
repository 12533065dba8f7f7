const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page for an unknown short link, answered 404 by the same handler that redirects. It
 * stands alone (no dashboard frame: the link names no project); colours follow the system theme.
 */
export function missingLinkPage(id: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>Short link not found · Spanlens</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
font:14px/1.5 ui-sans-serif,system-ui,sans-serif;background:#fff;color:#18181b}
main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.125rem;margin:0 0 .5rem}
p{color:#52525b;margin:0 0 .75rem}code{font-family:ui-monospace,monospace}a{color:#1d4ed8;font-weight:500}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}p{color:#a1a1aa}a{color:#60a5fa}}
</style></head>
<body><main data-testid="short-link-missing">
<h1>This short link does not exist</h1>
<p>No link <code>/s/${escape(id)}</code> is stored here: it was deleted, or the address is mistyped.
Ask whoever shared it for a new one.</p>
<a href="/">Go to the latest traces</a>
</main></body></html>`;
  return new Response(html, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
