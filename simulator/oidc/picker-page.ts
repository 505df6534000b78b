// The sign-in page of /oidc/v1/authorize: pick one of the seeded people. Plain HTML with no script, labelled
// controls and visible focus, so Playwright (and people) can use it by role and name. Two forms, so that Enter in
// the text field never submits the first person's button.
export interface PickerPerson {
  userName: string;
  displayName: string;
  groups: string[];
}

export interface PickerModel {
  appName: string;
  /** The authorize request's parameters, carried through the form unchanged. */
  params: Record<string, string>;
  featured: PickerPerson[];
  everyone: PickerPerson[];
  error: string | null;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--accent:#c2410c}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--card:#1a1f25;--fg:#e8ebef;--muted:#a3acb8;--line:#2f3742;--accent:#fb923c}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:40rem;margin:3rem auto;padding:0 1rem}h1{font-size:1.5rem;margin:0 0 .25rem}p{color:var(--muted);margin:.25rem 0 1.5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.25rem;margin-bottom:1rem}
h2{font-size:1rem;margin:0 0 .75rem}ul{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
button{width:100%;text-align:left;font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;cursor:pointer}
button:hover{border-color:var(--accent)}button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.who{font-weight:600;display:block}.meta{color:var(--muted);font-size:.875rem}
label{display:block;font-weight:600;margin-bottom:.35rem}input{width:100%;font:inherit;padding:.55rem .7rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:inherit}
.row{display:flex;gap:.5rem;margin-top:.5rem}.row button{width:auto;background:var(--accent);color:#fff;border-color:var(--accent);font-weight:600}
.error{border-left:4px solid #dc2626;padding:.5rem .75rem;background:rgba(220,38,38,.08);margin-bottom:1rem}`;

export function renderPicker(m: PickerModel): string {
  const hidden = Object.entries(m.params)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const person = (p: PickerPerson) =>
    `<li><button type="submit" name="user_name" value="${esc(p.userName)}"><span class="who">${esc(p.displayName)}</span>` +
    `<span class="meta">${esc(p.userName)} · ${esc(p.groups.filter((g) => g !== 'users').join(', ') || 'no groups')}</span></button></li>`;
  const options = m.everyone.map((p) => `<option value="${esc(p.userName)}">${esc(p.displayName)}</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in – Databricks workspace simulator</title><style>${STYLE}</style></head><body><main>
<h1>Sign in to the workspace</h1><p><strong>${esc(m.appName)}</strong> wants to access this simulated Databricks workspace on your behalf. Choose who you are.</p>
${m.error ? `<div class="error" role="alert">${esc(m.error)}</div>` : ''}
<form method="post" action="/oidc/v1/authorize">${hidden}
<section class="card" aria-labelledby="featured"><h2 id="featured">Demo people</h2><ul>${m.featured.map(person).join('')}</ul></section></form>
<form method="post" action="/oidc/v1/authorize">${hidden}
<section class="card" aria-labelledby="others"><h2 id="others">Someone else</h2>
<label for="other_user">User name</label><input id="other_user" name="user_name" list="people" autocomplete="off" required placeholder="name@harborpine.com">
<datalist id="people">${options}</datalist><div class="row"><button type="submit">Sign in</button></div></section></form></main></body></html>`;
}
