/**
 * Constants the `emulator` command needs before it loads the server (src/emulator/cli.ts loads
 * serve.ts, and with it Fastify, only when the emulator runs).
 */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 0;

/** How GitHub-like the emulator's traffic behaviour is (rate-limits/profile.ts). */
export const PROFILE_NAMES = ['default', 'github'] as const;
export type EmulatorProfileName = (typeof PROFILE_NAMES)[number];
