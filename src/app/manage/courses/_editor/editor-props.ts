import { getTranslations } from "next-intl/server";
import { COURSE_LIMITS } from "@/server/domains/training/authoring-input";
import { api } from "@/server/trpc/server";
import type { EditorLimits } from "./course-editor";
import type { TierChoice } from "./model";

/** The schema's limits the editor enforces as the staff member types (the server checks them again). */
export const EDITOR_LIMITS: EditorLimits = {
  title: COURSE_LIMITS.title,
  summary: COURSE_LIMITS.summary,
  lessonBody: COURSE_LIMITS.lessonBody,
  lessons: COURSE_LIMITS.lessons,
  questions: COURSE_LIMITS.questions,
  minOptions: COURSE_LIMITS.minOptions,
  maxOptions: COURSE_LIMITS.maxOptions,
};

/** The program's tiers, lowest first, named in the reader's language. */
export async function tierChoices(): Promise<TierChoice[]> {
  const [{ tiers }, t] = await Promise.all([(await api()).manage.partners.options(), getTranslations("tiers")]);
  return tiers.map((tier) => ({ id: tier.id, label: t.has(tier.key as never) ? t(tier.key as never) : tier.name }));
}
