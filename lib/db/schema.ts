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
  /** the organization plugin's fields (lib/modules/organization); optional: rows the seed builds have none */
  activeOrganizationId?: string | null;
  activeTeamId?: string | null;
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

/** Better Auth's organization plugin (lib/modules/organization). */
export interface OrganizationTable {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  createdAt: Date;
  metadata: string | null;
}

export interface MemberTable {
  id: string;
  organizationId: string;
  userId: string;
  /** one role or several, comma-separated ("admin,owner"), as the plugin stores them */
  role: string;
  createdAt: Date;
}

export interface InvitationTable {
  id: string;
  organizationId: string;
  email: string;
  role: string | null;
  teamId: string | null;
  status: string;
  expiresAt: Date;
  createdAt: Date;
  inviterId: string;
}

/** Only when the app enabled the plugin's teams. */
export interface TeamTable {
  id: string;
  name: string;
  memberCount: number;
  organizationId: string;
  createdAt: Date;
  updatedAt: Date | null;
}

export interface TeamMemberTable {
  id: string;
  teamId: string;
  userId: string;
  membershipKey: string | null;
  createdAt: Date | null;
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
  organization: OrganizationTable;
  member: MemberTable;
  invitation: InvitationTable;
  team: TeamTable;
  teamMember: TeamMemberTable;
}
