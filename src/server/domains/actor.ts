import type { Locale } from "@/i18n/config";
import { partnerRole, partnerStatus, staffRole } from "@/server/db/schema";

/** Who is acting. Built from the session by the server, never from input. */
export type StaffRole = (typeof staffRole.enumValues)[number];
export type PartnerRole = (typeof partnerRole.enumValues)[number];
export type PartnerStatus = (typeof partnerStatus.enumValues)[number];

export interface StaffActor {
  kind: "staff";
  userId: string;
  email: string;
  name: string;
  staffRole: StaffRole;
  locale: Locale | null;
}

export interface PartnerActor {
  kind: "partner";
  userId: string;
  email: string;
  name: string;
  partnerId: string;
  partnerRole: PartnerRole;
  /** A suspended partner signs in and reads, but creates nothing new. */
  partnerStatus: PartnerStatus;
  locale: Locale | null;
}

export type Actor = StaffActor | PartnerActor;

/** Jobs and the seed act as the system. */
export interface SystemActor {
  kind: "system";
  userId: null;
}

export const SYSTEM: SystemActor = { kind: "system", userId: null };

/** The staff roles, in the order the database enum lists them. */
export const STAFF_ROLES: readonly StaffRole[] = staffRole.enumValues;
