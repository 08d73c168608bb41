import { COBRAND_LIMITS } from "@/server/domains/enablement/cobrand-input";
import type { EditorLimits } from "./template-editor";

/** The schema's limits the editor enforces as staff type (the server checks them again). */
export const TEMPLATE_LIMITS: EditorLimits = {
  title: COBRAND_LIMITS.title,
  description: COBRAND_LIMITS.description,
  headline: COBRAND_LIMITS.headline,
  body: COBRAND_LIMITS.body,
};
