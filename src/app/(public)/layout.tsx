import type { ReactNode } from "react";
import { CenteredFrame } from "@/app/_shell/centered-frame";

/** Signed-out pages: a centred card, with the language switch always in reach. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <CenteredFrame>{children}</CenteredFrame>;
}
