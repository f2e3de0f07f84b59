import { serveProvider } from './serve';

/**
 * The smallest provider: an empty schema and nothing else. bench-startup.ts runs it to measure
 * what the protocol itself costs at start-up, before any resource code loads. It imports what a
 * real provider entry imports before its handshake (./serve), and nothing more.
 */
void serveProvider({ GetProviderSchema: () => ({ provider: { block: {} } }) });
