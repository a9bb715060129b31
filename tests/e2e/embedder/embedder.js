// A site that uses the sign-in page as its login, the way the README shows: it opens the page
// in a popup (or frames it) with ?embed_origin=<its own origin> and listens for the session.
// ?site= is the sign-in page's origin; ?claim= overrides the origin it claims (an impostor).
const params = new URLSearchParams(location.search);
const site = params.get('site');
const claimed = params.get('claim') ?? location.origin;
const signInUrl = `${site}/sign-in?embed_origin=${encodeURIComponent(claimed)}`;
const received = [];
window.received = received;

window.addEventListener('message', (event) => {
  if (event.origin !== site) return; // only the sign-in page may speak to us
  received.push({ origin: event.origin, data: event.data });
  document.getElementById('received').textContent = JSON.stringify(received, null, 2);
});

document.getElementById('open-popup').addEventListener('click', () => {
  window.open(signInUrl, 'sign-in', 'width=480,height=640');
});

document.getElementById('open-frame').addEventListener('click', () => {
  const frame = document.createElement('iframe');
  frame.src = signInUrl;
  frame.title = 'Sign in';
  frame.width = '480';
  frame.height = '640';
  document.body.append(frame);
});
