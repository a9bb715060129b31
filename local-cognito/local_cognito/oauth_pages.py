"""The HTML the pool domain shows locally: a stand-in for each identity provider's own sign-in
page (clearly labelled local), the choice of provider when the request names none, and
Cognito's error page."""

from __future__ import annotations

from html import escape

from werkzeug.wrappers import Response

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;"
    "color:#1a1a1a;background:#fff}@media (prefers-color-scheme:dark){body{color:#eee;background:#16181d}"
    "input{background:#222;color:#eee}}.banner{background:#fff3c4;color:#5c4400;padding:.5rem .75rem;"
    "border-radius:6px;font-weight:600}label,input,button{display:block;width:100%;margin:.4rem 0;"
    "font-size:1rem;box-sizing:border-box}input,button{padding:.6rem}.row{display:flex;gap:.5rem}"
    ".error{color:#b00020}"
)


def _page(title: str, body: str, status: int = 200) -> Response:
    html = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width"><style>{STYLE}</style></head>'
        f"<body>{body}</body></html>"
    )
    return Response(html, status, content_type="text/html; charset=utf-8")


def provider_page(provider: str, request_id: str, error: str = "", email: str = "") -> Response:
    """The local identity provider: a test user types who they are and consents, or cancels."""
    alert = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = f"""
<p class="banner">Local identity provider &mdash; a stand-in for {escape(provider)} on this machine. Not the real {escape(provider)}.</p>
<h1>Sign in to {escape(provider)} (local)</h1>
<p>The app asks to sign you in with your {escape(provider)} account.</p>
{alert}
<form method="post">
  <input type="hidden" name="request" value="{escape(request_id)}">
  <label for="email">Email at {escape(provider)}</label>
  <input id="email" name="email" type="email" autocomplete="email" value="{escape(email)}">
  <label for="name">Name (optional)</label>
  <input id="name" name="name" type="text" autocomplete="name">
  <div class="row">
    <button name="action" value="consent" type="submit">Allow</button>
    <button name="action" value="cancel" type="submit">Cancel</button>
  </div>
</form>"""
    return _page(f"{provider} (local identity provider)", body, 400 if error else 200)


def chooser_page(links: list[tuple[str, str]]) -> Response:
    """What the pool domain shows when the request names no provider."""
    items = "".join(f'<li><a href="{escape(href)}">{escape(name)}</a></li>' for name, href in links)
    body = f'<p class="banner">Local pool domain</p><h1>Sign in with</h1><ul>{items}</ul>'
    return _page("Sign in (local pool domain)", body)


def error_page(error: str, status: int = 400) -> Response:
    """Cognito's page for a request it can't send back (unknown client, unlisted redirect_uri)."""
    body = f'<h1>An error was encountered with the requested page.</h1><p id="error">{escape(error)}</p>'
    return _page("Error", body, status)
