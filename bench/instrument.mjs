// In-page instrumentation for bench.mjs, installed in every page before any of the site's scripts
// run (Playwright serialises the function, so it uses nothing from outside its body). Every mark is
// performance.now(), ms since navigation start, and applies to every side alike.
//
// visible   the first moment the input labelled exactly "Email" and the button "Sign in" are both
//           rendered (non-empty box, not display:none / visibility:hidden) and every stylesheet the
//           document links has loaded (before that the page is render-blocked and shows nothing).
// typeable  the first moment such an input is visible as above, enabled (not disabled, not
//           read-only, not inert) and takes focus when asked (focus is then put back). A static
//           form counts.
// usable    the first moment such an input and button are rendered and enabled outside any
//           [data-prepaint] element: the app itself handles the form. A page without a pre-painted
//           form has visible = typeable = usable.
// clickAt   the timeStamp of the click event on the "Sign in" button (same clock).
// sessionAt the first moment [data-testid=session-email] is rendered with text. Reset by the
//           click, so it is the session page after sign-in.
// Checked on every DOM mutation batch, on every load event (stylesheets) and on every frame until
// all form marks are set. wasmBytes: the byteLength of every WebAssembly.Memory the page's modules
// export.
export const INSTRUMENT = () => {
  const marks = { visible: null, typeable: null, usable: null, clickAt: null, sessionAt: null, dateFormatting: [] };
  const memories = [];
  // Time spent formatting dates for people (the first call in a context starts ICU).
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const original = Date.prototype[name];
    Date.prototype[name] = function (...args) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        marks.dateFormatting.push([started, performance.now() - started]);
      }
    };
  }
  window.__bench = marks;
  window.__benchWasmBytes = () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
  const keep = (instance) => {
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value);
    }
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = async function (...args) {
      const result = await streaming.apply(this, args);
      keep(result.instance);
      return result;
    };
  }
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    keep(result instanceof WebAssembly.Instance ? result : result.instance);
    return result;
  };
  const rendered = (el) => {
    if (!el || !el.isConnected) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const stylesLoaded = () =>
    [...document.querySelectorAll('link[rel~="stylesheet"]')].every((link) => link.disabled || link.sheet !== null);
  const enabled = (el) => !el.disabled && !el.readOnly && !el.closest('[inert]');
  const outsidePrepaint = (el) => !el.closest('[data-prepaint]');
  // While a pre-painted form and the app's are both in the document they may share ids, and
  // label.control finds the first element with the id; a label's input is the one on its side.
  const controlOf = (label) => {
    if (!label.htmlFor) return label.control;
    const side = outsidePrepaint(label);
    return [...document.querySelectorAll(`[id="${CSS.escape(label.htmlFor)}"]`)].find((el) => outsidePrepaint(el) === side) ?? null;
  };
  const emailInputs = () =>
    [...document.getElementsByTagName('label')]
      .filter((l) => l.textContent.trim() === 'Email')
      .map(controlOf)
      .filter((el) => el instanceof HTMLInputElement);
  const signInButtons = () => [...document.getElementsByTagName('button')].filter((b) => b.textContent.trim() === 'Sign in');
  const takesFocus = (input) => {
    const before = document.activeElement;
    input.focus({ preventScroll: true });
    const took = document.activeElement === input;
    if (took && before !== input) {
      if (before instanceof HTMLElement && before !== document.body) before.focus({ preventScroll: true });
      else input.blur();
    }
    return took;
  };
  let frameLoop = false;
  const check = () => {
    const now = performance.now();
    if (marks.visible === null || marks.typeable === null || marks.usable === null) {
      const inputs = emailInputs().filter(rendered);
      const buttons = signInButtons().filter(rendered);
      const styled = stylesLoaded();
      if (marks.visible === null && styled && inputs.length && buttons.length) marks.visible = now;
      if (marks.typeable === null && styled && inputs.some((i) => enabled(i) && takesFocus(i))) marks.typeable = now;
      if (
        marks.usable === null &&
        inputs.some((i) => enabled(i) && outsidePrepaint(i)) &&
        buttons.some((b) => !b.disabled && outsidePrepaint(b))
      ) {
        marks.usable = now;
      }
      if (!frameLoop) {
        frameLoop = true;
        const onFrame = () => {
          check();
          if (marks.visible === null || marks.typeable === null || marks.usable === null) requestAnimationFrame(onFrame);
          else frameLoop = false;
        };
        requestAnimationFrame(onFrame);
      }
    }
    if (marks.sessionAt === null) {
      const session = document.querySelector('[data-testid="session-email"]');
      if (session && session.textContent.trim() !== '' && rendered(session)) marks.sessionAt = now;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // A stylesheet that finishes loading changes no DOM; its load event does not bubble, so capture.
  document.addEventListener('load', check, true);
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button && button.textContent.trim() === 'Sign in') {
        marks.clickAt = event.timeStamp;
        marks.sessionAt = null;
      }
    },
    true,
  );
};
