import type { Generated } from "kysely";

/**
 * Better Auth's logical model as the dashboard's queries see it. Physical names (renamed tables,
 * snake_case, another schema) are applied by NameMappingPlugin, so queries never mention them.
 * Optional plugin columns are typed nullable; whether they exist at all is in `Capabilities`.
 */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: Date;
  updatedAt: Date;
  role: string | null;
  banned: boolean | null;
  banReason: string | null;
  banExpires: Date | null;
  username: string | null;
  displayUsername: string | null;
  phoneNumber: string | null;
  phoneNumberVerified: boolean | null;
  twoFactorEnabled: boolean | null;
}

export interface SessionTable {
  id: string;
  expiresAt: Date;
  /** bearer secret: never selected by the dashboard */
  token: string;
  createdAt: Date;
  updatedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  impersonatedBy: string | null;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  /** secrets: never selected by the dashboard */
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  password: string | null;
  scope: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VerificationTable {
  id: Generated<string>;
  identifier: string;
  value: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Better Auth's passkey plugin (lib/modules/passkey). `publicKey` and `counter` are never selected. */
export interface PasskeyTable {
  id: string;
  name: string | null;
  publicKey: string;
  userId: string;
  credentialID: string;
  counter: number;
  deviceType: string;
  backedUp: boolean;
  transports: string | null;
  createdAt: Date | null;
  aaguid: string | null;
}

/** The two-factor plugin's table: secrets only, never selected; rows are deleted to disable 2FA. */
export interface TwoFactorTable {
  id: string;
  /** secrets: never selected by the dashboard */
  secret: string;
  backupCodes: string;
  userId: string;
  verified: boolean | null;
}

/**
 * The query types. Which of these tables the dashboard reads at run time (`modelNames`) comes from
 * the registered modules; test/modules.test.ts checks the two agree.
 */
export interface DB {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  passkey: PasskeyTable;
  twoFactor: TwoFactorTable;
}
