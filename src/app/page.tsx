import { redirect } from "next/navigation";
import { getCurrentActor } from "@/server/auth/current";

export default async function Home() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  redirect(actor.kind === "staff" ? "/manage" : "/dashboard");
}
