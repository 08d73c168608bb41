import { and, eq, inArray } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import {
  certifications,
  commissionPlans,
  commissionPlanVersions,
  courseLessons,
  courses,
  courseVersions,
  lessonCompletions,
  partnerMemberships,
  planTierCertifications,
  planTierRules,
  quizAttempts,
  quizOptions,
  quizQuestions,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { DEMO_COURSES } from "./training-content";
import { addMonthsUtc, newCertificationCode } from "@/server/domains/training/certifications";

/** The demo's tier requirements: Gold needs a person certified in the fundamentals, Platinum two in advanced selling. */
const DEMO_REQUIREMENTS = [
  { tier: "gold", course: "fundamentals", minPeople: 1 },
  { tier: "platinum", course: "advanced", minPeople: 2 },
];

/**
 * Who has learned what: certifications (one about to expire), a failed attempt, and lessons in
 * progress. Each certification's days: issued that many days ago.
 */
const DEMO_LEARNERS: {
  email: string;
  course: string;
  lessonsDone: number;
  attempts: { daysAgo: number; correct: number }[];
  certifiedDaysAgo?: number;
}[] = [
  {
    email: "james@northwind.demo",
    course: "fundamentals",
    lessonsDone: 3,
    attempts: [{ daysAgo: 90, correct: 4 }],
    certifiedDaysAgo: 90,
  },
  {
    email: "lena@cobalt.demo",
    course: "fundamentals",
    lessonsDone: 3,
    attempts: [{ daysAgo: 120, correct: 3 }],
    certifiedDaysAgo: 120,
  },
  {
    email: "lena@cobalt.demo",
    course: "advanced",
    lessonsDone: 3,
    attempts: [{ daysAgo: 100, correct: 4 }],
    certifiedDaysAgo: 100,
  },
  {
    email: "tobias@cobalt.demo",
    course: "advanced",
    lessonsDone: 3,
    attempts: [
      { daysAgo: 62, correct: 2 },
      { daysAgo: 60, correct: 4 },
    ],
    certifiedDaysAgo: 60,
  },
  // Issued 353 days ago for 12 months: it expires in about twelve days.
  {
    email: "omar@rimal.demo",
    course: "fundamentals",
    lessonsDone: 3,
    attempts: [{ daysAgo: 353, correct: 4 }],
    certifiedDaysAgo: 353,
  },
  { email: "noah@kestrel.demo", course: "fundamentals", lessonsDone: 3, attempts: [{ daysAgo: 8, correct: 2 }] },
  { email: "hannah@brightpath.demo", course: "fundamentals", lessonsDone: 1, attempts: [] },
];

export async function seedDemoTraining(tx: Db, clock: Clock, authorId: string | null): Promise<void> {
  const now = clock.now().getTime();
  const tierRows = await tx.select({ id: tiers.id, key: tiers.key }).from(tiers);
  const tierId = (key: string) => tierRows.find((t) => t.key === key)!.id;
  const built = new Map<
    string,
    {
      courseId: string;
      versionId: string;
      validityMonths: number;
      questions: { id: string; options: { id: string; right: boolean }[] }[];
      lessonIds: string[];
    }
  >();
  for (const course of DEMO_COURSES) {
    const created = new Date(now - 400 * DAY);
    const [row] = await tx.insert(courses).values({ createdBy: authorId, createdAt: created }).returning();
    const [version] = await tx
      .insert(courseVersions)
      .values({
        courseId: row!.id,
        version: 1,
        status: course.status,
        title: course.title,
        summary: course.summary,
        language: course.language,
        minTierId: course.minTier ? tierId(course.minTier) : null,
        passMarkPercent: course.passMarkPercent,
        attemptLimit: course.attemptLimit,
        validityMonths: course.validityMonths,
        publishedAt: course.status === "published" ? created : null,
        createdBy: authorId,
        createdAt: created,
      })
      .returning();
    const lessons = await tx
      .insert(courseLessons)
      .values(
        course.lessons.map((lesson, position) => ({
          versionId: version!.id,
          position,
          title: lesson.title,
          body: lesson.body,
          videoUrl: lesson.videoUrl ?? null,
        })),
      )
      .returning({ id: courseLessons.id, position: courseLessons.position });
    const questions = [];
    for (const [position, question] of course.questions.entries()) {
      const [q] = await tx
        .insert(quizQuestions)
        .values({ versionId: version!.id, position, prompt: question.prompt, kind: question.kind })
        .returning();
      const options = await tx
        .insert(quizOptions)
        .values(
          question.options.map(([label, right], i) => ({ questionId: q!.id, position: i, label, isCorrect: right })),
        )
        .returning({ id: quizOptions.id, position: quizOptions.position, right: quizOptions.isCorrect });
      questions.push({ id: q!.id, options: options.sort((a, b) => a.position - b.position) });
    }
    built.set(course.key, {
      courseId: row!.id,
      versionId: version!.id,
      validityMonths: course.validityMonths,
      questions,
      lessonIds: lessons.sort((a, b) => a.position - b.position).map((l) => l.id),
    });
  }

  // The default plan's tier table asks for certified people at Gold and Platinum.
  const rules = await tx
    .select({ id: planTierRules.id, tierId: planTierRules.tierId })
    .from(planTierRules)
    .innerJoin(commissionPlanVersions, eq(commissionPlanVersions.id, planTierRules.versionId))
    .innerJoin(commissionPlans, eq(commissionPlans.id, commissionPlanVersions.planId))
    .where(
      and(
        eq(commissionPlans.isDefault, true),
        inArray(
          planTierRules.tierId,
          DEMO_REQUIREMENTS.map((r) => tierId(r.tier)),
        ),
      ),
    );
  await tx.insert(planTierCertifications).values(
    DEMO_REQUIREMENTS.map((r) => ({
      ruleId: rules.find((rule) => rule.tierId === tierId(r.tier))!.id,
      courseId: built.get(r.course)!.courseId,
      minPeople: r.minPeople,
    })),
  );

  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...new Set(DEMO_LEARNERS.map((l) => l.email))]));
  const memberships = await tx
    .select({ userId: partnerMemberships.userId, partnerId: partnerMemberships.partnerId })
    .from(partnerMemberships)
    .where(
      inArray(
        partnerMemberships.userId,
        people.map((p) => p.id),
      ),
    );
  for (const learner of DEMO_LEARNERS) {
    const course = built.get(learner.course)!;
    const userId = people.find((p) => p.email === learner.email)!.id;
    const partnerId = memberships.find((m) => m.userId === userId)!.partnerId;
    const firstAt = now - ((learner.attempts[0]?.daysAgo ?? 3) + 2) * DAY;
    if (learner.lessonsDone > 0)
      await tx
        .insert(lessonCompletions)
        .values(
          course.lessonIds
            .slice(0, learner.lessonsDone)
            .map((lessonId, i) => ({ userId, lessonId, completedAt: new Date(firstAt + i * 3_600_000) })),
        );
    for (const attempt of learner.attempts) {
      const at = new Date(now - attempt.daysAgo * DAY);
      // The first `correct` questions answered right, the rest with a wrong option.
      const answers = course.questions.map((q, i) => ({
        questionId: q.id,
        optionIds:
          i < attempt.correct
            ? q.options.filter((o) => o.right).map((o) => o.id)
            : [q.options.find((o) => !o.right)!.id],
      }));
      const scorePercent = Math.floor((attempt.correct * 100) / course.questions.length);
      const passMark = DEMO_COURSES.find((c) => c.key === learner.course)!.passMarkPercent;
      const [row] = await tx
        .insert(quizAttempts)
        .values({
          userId,
          partnerId,
          versionId: course.versionId,
          presented: course.questions.map((q) => ({ questionId: q.id, optionIds: q.options.map((o) => o.id) })),
          answers,
          startedAt: new Date(at.getTime() - 15 * 60_000),
          submittedAt: at,
          questionCount: course.questions.length,
          correctCount: attempt.correct,
          scorePercent,
          passed: scorePercent >= passMark,
        })
        .returning();
      if (learner.certifiedDaysAgo === attempt.daysAgo && scorePercent >= passMark) {
        await tx.insert(certifications).values({
          code: newCertificationCode(),
          userId,
          partnerId,
          courseId: course.courseId,
          versionId: course.versionId,
          attemptId: row!.id,
          issuedAt: at,
          expiresAt: addMonthsUtc(at, course.validityMonths),
        });
      }
    }
  }
}
