// The peer that `make bench` measures: Amplify UI's <Authenticator> as its documentation sets it
// up, built for production by Vite. Like our app, it reads the pool from config.json beside
// index.html at start (same file, same fields), so both sides talk to the same local Cognito.
// `authFlow` picks Amplify's sign-in flow: USER_SRP_AUTH (Amplify's default) or
// USER_PASSWORD_AUTH.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { signIn } from 'aws-amplify/auth';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';

function SignedIn({ user, signOut }) {
  return h(
    'main',
    null,
    h('h1', null, 'Signed in'),
    h('p', { 'data-testid': 'session-email' }, user?.signInDetails?.loginId ?? user?.username),
    h('button', { type: 'button', onClick: signOut }, 'Sign out'),
  );
}

async function start() {
  const config = await (await fetch('config.json', { cache: 'no-cache' })).json();
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.clientId,
        // Amplify v6's override for the Cognito user pool endpoint (the local Cognito here).
        ...(config.endpoint ? { userPoolEndpoint: config.endpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: 'code',
      },
    },
  });
  const authFlowType = config.authFlow === 'USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';
  const services = {
    handleSignIn: (input) => signIn({ ...input, options: { ...input.options, authFlowType } }),
  };
  createRoot(document.getElementById('root')).render(
    h(Authenticator, { services }, ({ signOut, user }) => h(SignedIn, { user, signOut })),
  );
}

start();
