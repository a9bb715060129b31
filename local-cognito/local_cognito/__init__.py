"""The parts of the local Cognito that server.py wires together."""
