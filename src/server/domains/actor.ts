import type { Locale } from "@/i18n/config";

/** Who is acting. Built from the session by the server, never from input. */
export type StaffRole = "admin" | "partner_manager" | "finance";
export type PartnerRole = "owner" | "member";

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
  partnerStatus: "applied" | "active" | "suspended" | "rejected";
  locale: Locale | null;
}

export type Actor = StaffActor | PartnerActor;

/** Jobs and the seed act as the system. */
export interface SystemActor {
  kind: "system";
  userId: null;
}

export const SYSTEM: SystemActor = { kind: "system", userId: null };

export const STAFF_ROLES: readonly StaffRole[] = ["admin", "partner_manager", "finance"];
