"""Local Amazon Cognito user pool for frontend development.

moto's Cognito backend, wrapped in a small WSGI layer that makes it behave
like the real service where a sign-in frontend can tell the difference:
requests are validated against botocore's model, confirmation codes are
checked, ResendConfirmationCode/RevokeToken/GetTokensFromRefreshToken exist,
refresh tokens rotate, tokens expire, every response is JSON, and error
messages match Cognito's. The pool and client are created from the
CloudFormation template in deploy/ so local and deployed pools share one
definition. This file is the command line; the layer's parts live in
local_cognito/ (README.md, "Files", says which does what).

Run with the venv's python (see install.sh):  .venv/bin/python server.py
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Any, NoReturn

# moto reads these when it creates a pool/client: hashing the template's
# properties instead of random UUIDs keeps the ids stable across restarts.
os.environ["MOTO_COGNITO_IDP_USER_POOL_ID_STRATEGY"] = "HASH"
os.environ["MOTO_COGNITO_IDP_USER_POOL_CLIENT_ID_STRATEGY"] = "HASH"

from local_cognito.app import LocalCognito  # noqa: E402
from local_cognito.identifiers import patch_user_lookup  # noqa: E402
from local_cognito.moto_patches import patch_external_users, patch_sign_out, patch_token_creation  # noqa: E402
from local_cognito.settings import settings_from_env  # noqa: E402
from local_cognito.template import REGION, create_from_template, load_template  # noqa: E402
from moto.cognitoidp.models import cognitoidp_backends  # noqa: E402
from moto.core import DEFAULT_ACCOUNT_ID  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "cognito-pool.yaml"


# --- main ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=9229, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--write-config", metavar="PATH", help="write the frontend's JSON config here")
    parser.add_argument("--template", default=str(TEMPLATE), help="CloudFormation template to create the pool from")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a template parameter (repeatable), like aws cloudformation deploy --parameter-overrides",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    overrides: dict[str, str] = {}
    for item in args.param:
        name, equals, value = item.partition("=")
        if not equals or not name:
            parser.error(f"--param needs NAME=VALUE, got {item!r}")
        overrides[name] = value

    import logging

    logging.getLogger("werkzeug").setLevel(logging.INFO if args.verbose else logging.WARNING)

    settings = settings_from_env()
    patch_token_creation(settings)
    patch_sign_out()
    patch_external_users()
    patch_user_lookup()
    backend = cognitoidp_backends[DEFAULT_ACCOUNT_ID][REGION]
    try:
        created = create_from_template(backend, load_template(Path(args.template)), overrides)
    except ValueError as e:
        sys.exit(f"local Cognito: {e}")
    pool_id, client_id = created.pool_id, created.client_id
    config: dict[str, Any] = {"region": REGION, "userPoolId": pool_id, "clientId": client_id, "endpoint": ""}
    app = LocalCognito(settings, config, Path(args.write_config) if args.write_config else None)
    try:
        for pool_mfa_id, (mode, methods) in created.mfa.items():
            app.actions.mfa.pools.from_template(backend.user_pools[pool_mfa_id], mode, methods)
        for pool_passkey_id, properties in created.webauthn.items():
            app.actions.mfa.webauthn.from_template(backend.user_pools[pool_passkey_id], properties)
    except ValueError as e:
        sys.exit(f"local Cognito: {e}")
    app.refresh_tokens.install()
    # A thread per request: a delayed request must not hold up the others.
    server = make_server("127.0.0.1", args.port, app, threaded=True)
    app.port = server.server_port
    endpoint = f"http://127.0.0.1:{server.server_port}/"
    config["endpoint"] = endpoint
    app.publish_config()

    def stop(signum: int, frame: Any) -> NoReturn:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"local Cognito ready on {endpoint} (pool {pool_id}, client {client_id})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        print("local Cognito stopped", flush=True)


if __name__ == "__main__":
    main()
