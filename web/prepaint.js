// Shows index.html's static sign-in form as soon as the HTML and CSS have arrived, long before
// the wasm has started and read config.json. It runs as soon as it has arrived (async, so the
// wasm's loader never waits for it); the form stays hidden until it has decided to show it:
// - only on the routes whose page is the sign-in form, and only when no refresh token is stored
//   (a reload that restores a session would otherwise flash the form);
// - in the app's language, chosen by the app's rule (core/src/i18n, src/i18n.rs): `?lang=`,
//   then the remembered choice, then the browser's languages.
// A submit before the app is ready is queued on the form (`data-queued`); the app's sign-in form
// then takes over the values, focus, caret and queued submit (src/prepaint.rs).
(() => {
  // Checked against the app's catalogues and storage keys by core/tests/prepaint.rs.
  const SHARED = {
    "refreshTokenKey": ["leptos-cognito.", ".refreshToken"],
    "langKey": "leptos-cognito.lang",
    "words": {
      "en": {
        "SignIn": "Sign in",
        "Email": "Email",
        "Password": "Password",
        "ShowPassword": "Show password",
        "ForgotPasswordLink": "Forgot your password?",
        "NoAccountYet": "No account yet?",
        "CreateAnAccount": "Create an account",
        "LanguageLabel": "Language"
      },
      "ja": {
        "SignIn": "サインイン",
        "Email": "メールアドレス",
        "Password": "パスワード",
        "ShowPassword": "パスワードを表示",
        "ForgotPasswordLink": "パスワードをお忘れですか？",
        "NoAccountYet": "はじめての方は",
        "CreateAnAccount": "アカウントを作成",
        "LanguageLabel": "表示言語"
      }
    }
  };
  // The app's routes where the sign-in form is the page (`/` leads there when signed out).
  const SIGN_IN_PATHS = ['/', '/sign-in', '/sign-in/'];

  const screen = document.querySelector('[data-prepaint-screen]');
  if (!screen) return;
  // The app renders after this script's element: once it has, it shows the page itself.
  const appStarted = Boolean(document.currentScript?.nextElementSibling);
  if (appStarted || !SIGN_IN_PATHS.includes(location.pathname) || sessionStored()) {
    screen.remove();
    return;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch {
      return null; // storage switched off: nothing remembered, no session to restore
    }
  }

  function sessionStored() {
    const [prefix, suffix] = SHARED.refreshTokenKey;
    const store = storage();
    for (let i = 0; store && i < store.length; i += 1) {
      const key = store.key(i);
      if (key.startsWith(prefix) && key.endsWith(suffix)) return true;
    }
    return false;
  }

  /** `ja`, `ja-JP`, `en_GB` ... as a language the page speaks (Lang::from_tag). */
  function fromTag(tag) {
    const primary = String(tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
    return Object.hasOwn(SHARED.words, primary) ? primary : null;
  }

  function chosenLanguage() {
    const asked = fromTag(new URLSearchParams(location.search).get('lang'));
    if (asked) {
      storage()?.setItem(SHARED.langKey, asked); // kept for the next visit, as the app keeps it
      return asked;
    }
    const remembered = fromTag(storage()?.getItem(SHARED.langKey));
    if (remembered) return remembered;
    const preferred = [...(navigator.languages ?? []), navigator.language];
    return preferred.map(fromTag).find(Boolean) ?? 'en';
  }

  function speak(lang) {
    const words = SHARED.words[lang];
    document.documentElement.lang = lang;
    document.title = words.SignIn;
    for (const element of screen.querySelectorAll('[data-word]')) {
      element.textContent = words[element.dataset.word];
    }
    for (const element of screen.querySelectorAll('[data-word-label]')) {
      element.setAttribute('aria-label', words[element.dataset.wordLabel]);
    }
    for (const button of screen.querySelectorAll('button[lang]')) {
      button.setAttribute('aria-pressed', String(button.lang === lang));
    }
  }

  for (const button of screen.querySelectorAll('button[lang]')) {
    button.addEventListener('click', () => {
      storage()?.setItem(SHARED.langKey, button.lang);
      speak(button.lang);
    });
  }

  const form = screen.querySelector('form[data-prepaint]');
  const reveal = form.querySelector('button.reveal');
  reveal.addEventListener('click', () => {
    const password = document.getElementById(reveal.getAttribute('aria-controls'));
    const shown = password.type === 'password';
    password.type = shown ? 'text' : 'password';
    reveal.setAttribute('aria-pressed', String(shown));
  });
  // Never sent by the browser: the app signs in once it is ready.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.dataset.queued = '';
    form.querySelector('button[type=submit]').setAttribute('aria-busy', 'true');
  });

  speak(chosenLanguage());
  screen.hidden = false;
})();
