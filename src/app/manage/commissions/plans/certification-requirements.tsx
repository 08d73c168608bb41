"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button, FormField, Input, Plus, Select, X } from "@/components/ui";
import type { TierChoice } from "./plan-forms";

export interface CourseChoice {
  id: string;
  title: string;
}

/** One requirement row as edited: the course chosen and the people count as typed. */
export interface CertificationRow {
  key: number;
  courseId: string;
  minPeople: string;
}

export type CertificationRows = Record<string, CertificationRow[]>;

/** The rows a version starts from (keys unique across tiers, so React and the error map can tell them apart). */
export function initialCertificationRows(
  rules: { tierId: string; certifications: { courseId: string; minPeople: number }[] }[],
): { rows: CertificationRows; nextKey: number } {
  let key = 0;
  const rows: CertificationRows = {};
  for (const rule of rules)
    rows[rule.tierId] = rule.certifications.map((c) => ({
      key: key++,
      courseId: c.courseId,
      minPeople: String(c.minPeople),
    }));
  return { rows, nextKey: key };
}

/**
 * Reads one tier's requirement rows for the server: blank rows are dropped; a missing course, a
 * course twice or a count outside 1..1000 is reported under the field path the server would use.
 */
export function readCertificationRows(
  rows: CertificationRow[],
  path: string,
  messages: { courseMissing: string; courseTwice: string; peopleInvalid: string },
) {
  const certifications: { courseId: string; minPeople: number }[] = [];
  const rowKeys: number[] = [];
  const problems: [string, string][] = [];
  for (const row of rows) {
    const people = row.minPeople.trim();
    if (row.courseId === "" && people === "") continue;
    const j = certifications.length;
    rowKeys.push(row.key);
    if (row.courseId === "") problems.push([`${path}.${j}.courseId`, messages.courseMissing]);
    else if (certifications.some((c) => c.courseId === row.courseId))
      problems.push([`${path}.${j}.courseId`, messages.courseTwice]);
    const minPeople = /^\d{1,4}$/.test(people) ? Number(people) : NaN;
    if (!(minPeople >= 1 && minPeople <= 1000)) problems.push([`${path}.${j}.minPeople`, messages.peopleInvalid]);
    certifications.push({ courseId: row.courseId, minPeople: Number.isFinite(minPeople) ? minPeople : 0 });
  }
  return { certifications, rowKeys, problems };
}

/**
 * Per tier, the certifications it requires: a course and how many of the partner's people must
 * hold it. Rows are controlled state; `errorOf` finds a row's message by its key.
 */
export function CertificationRequirements({
  tiers,
  courses,
  rows,
  onChange,
  errorOf,
}: {
  tiers: TierChoice[];
  courses: CourseChoice[];
  rows: CertificationRows;
  onChange: (rows: CertificationRows) => void;
  errorOf: (tierId: string, key: number, name: "courseId" | "minPeople") => string | undefined;
}) {
  const t = useTranslations("plansAdmin.planForm");
  const nextKey = useRef(Math.max(0, ...Object.values(rows).flatMap((r) => r.map((row) => row.key + 1))));
  const update = (tierId: string, next: CertificationRow[]) => onChange({ ...rows, [tierId]: next });
  const known = new Set(courses.map((c) => c.id));
  return (
    <fieldset data-testid="plan-certifications">
      <legend className="text-sm font-semibold text-neutral-900">{t("certificationsTitle")}</legend>
      <p className="mt-1 mb-3 text-xs text-muted">{t("certificationsHint")}</p>
      {courses.length === 0 ? <p className="mb-3 text-sm text-muted">{t("noCourses")}</p> : null}
      <ul className="space-y-3">
        {tiers.map((tier) => {
          const tierRows = rows[tier.id] ?? [];
          return (
            <li key={tier.id} className="rounded-md border border-border px-3 py-2">
              <h4 className="text-sm font-medium text-neutral-900" id={`plan-certs-${tier.key}`}>
                {t("certificationsFor", { tier: tier.label })}
              </h4>
              {tierRows.length === 0 ? (
                <p className="mt-1 text-xs text-muted">{t("noCertificationRequirements")}</p>
              ) : null}
              <ul className="mt-2 space-y-2" aria-labelledby={`plan-certs-${tier.key}`}>
                {tierRows.map((row) => (
                  <li key={row.key} className="flex flex-wrap items-start gap-2" data-testid="plan-certification-row">
                    <FormField
                      label={t("certificationCourseFor", { tier: tier.label })}
                      hideLabel
                      htmlFor={`plan-cert-course-${row.key}`}
                      error={errorOf(tier.id, row.key, "courseId")}
                      className="min-w-48 flex-1"
                    >
                      <Select
                        value={row.courseId}
                        onChange={(e) =>
                          update(
                            tier.id,
                            tierRows.map((r) => (r.key === row.key ? { ...r, courseId: e.target.value } : r)),
                          )
                        }
                      >
                        <option value="">{t("chooseCourse")}</option>
                        {/* A course required before it was retired stays selectable, so the row still reads. */}
                        {row.courseId && !known.has(row.courseId) ? (
                          <option value={row.courseId}>{row.courseId}</option>
                        ) : null}
                        {courses.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.title}
                          </option>
                        ))}
                      </Select>
                    </FormField>
                    <FormField
                      label={t("certificationPeopleFor", { tier: tier.label })}
                      hideLabel
                      htmlFor={`plan-cert-people-${row.key}`}
                      error={errorOf(tier.id, row.key, "minPeople")}
                      className="w-28"
                    >
                      <Input
                        type="number"
                        min={1}
                        max={1000}
                        step={1}
                        dir="ltr"
                        placeholder={t("certificationPeople")}
                        value={row.minPeople}
                        onChange={(e) =>
                          update(
                            tier.id,
                            tierRows.map((r) => (r.key === row.key ? { ...r, minPeople: e.target.value } : r)),
                          )
                        }
                      />
                    </FormField>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      className="mt-0.5"
                      aria-label={t("removeCertification")}
                      onClick={() =>
                        update(
                          tier.id,
                          tierRows.filter((r) => r.key !== row.key),
                        )
                      }
                      data-testid="remove-plan-certification"
                    >
                      <X className="size-4" />
                    </Button>
                  </li>
                ))}
              </ul>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                className="mt-2"
                disabled={courses.length === 0 || tierRows.length >= 20}
                aria-label={t("addCertificationFor", { tier: tier.label })}
                onClick={() => update(tier.id, [...tierRows, { key: nextKey.current++, courseId: "", minPeople: "1" }])}
                data-testid={`add-plan-certification-${tier.key}`}
              >
                <Plus className="size-4" />
                {t("addCertification")}
              </Button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
