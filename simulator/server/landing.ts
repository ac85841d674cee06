/** The small page a browser gets at the socket's own address: where the overlay, panel and API are. */
export function landingPage(base: string, tokenRequired: boolean): string {
  const t = tokenRequired ? '?token=&lt;token&gt;' : '';
  const ws = base.replace(/^http/, 'ws');
  return `<!doctype html><html><head><meta charset="utf-8"><title>tiksim</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#101218;color:#e8e8f0;max-width:44rem;margin:3rem auto;padding:0 1rem}
a{color:#7cc4ff}code{background:#1c2030;padding:.1em .4em;border-radius:4px}</style></head><body>
<h1>tiksim: a fake TikFinity server</h1>
<p>Overlays connect to <code>${ws}/</code> exactly as they would to TikFinity.</p>
<ul>
<li><a href="/overlay/${t}">/overlay/</a>: the Phaser overlay (an OBS browser source)</li>
<li><a href="/panel/${t}">/panel/</a>: the control panel</li>
<li><a href="/api/status${t}">/api/status</a>: the control API (see README)</li>
</ul></body></html>`;
}
