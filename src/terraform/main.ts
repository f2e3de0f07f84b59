import { serveProvider } from './protocol/serve';

/**
 * The provider's executable entry (the launcher execs `node dist/terraform/main.js`). Terraform
 * starts a provider several times per command and waits for its handshake line each time, so
 * nothing but the protocol loads before that line: the handlers, the core and the GitHub client
 * load right after it, while Terraform connects.
 */
void serveProvider(async () => (await import('./provider.js')).createProviderHandlers());
