import { subscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import { identityEnv, identityHeader } from './service-identity';

/**
 * Loaded (`--import`) into a Node emulator's process: every HTTP answer carries the identity its
 * parent gave it, so the parent can tell its own child from another process on the port (ADR 0016).
 */
const identity = process.env[identityEnv];
if (identity) {
  subscribe('http.server.request.start', (message) => (message as { response: ServerResponse }).response.setHeader(identityHeader, identity));
}
