/** GitHub Apps, their installations and the installation tokens issued (state/model.ts). */
export interface InstallationRecord {
  readonly id: number;
  /** Canonical login of the org or user the app is installed on. */
  readonly account: string;
}

export interface AppRecord {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly publicKeyPem: string;
  readonly createdAt: string;
  readonly installations: InstallationRecord[];
}

export interface InstallationTokenRecord {
  readonly token: string;
  readonly appId: number;
  readonly installationId: number;
  readonly expiresAt: string;
}

/** A GitHub App's bot account, as it appears in request logs (`<slug>[bot]`). */
export function botLogin(app: AppRecord): string {
  return `${app.slug}[bot]`;
}
