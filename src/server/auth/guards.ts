import { forbidden, redirect } from "next/navigation";
import type { PartnerActor, StaffActor, StaffRole } from "@/server/domains/actor";
import { getCurrentActor } from "./current";

/** For pages: the signed-in staff member in one of these roles (admins always), else 403. */
export async function requireStaffPage(...roles: StaffRole[]): Promise<StaffActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  if (actor.kind !== "staff") forbidden();
  if (roles.length > 0 && actor.staffRole !== "admin" && !roles.includes(actor.staffRole)) forbidden();
  return actor;
}

export async function requirePartnerPage(): Promise<PartnerActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  if (actor.kind !== "partner") redirect("/manage");
  return actor;
}
