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
import { addMonthsUtc, newCertificationCode } from "@/server/domains/training/certifications";

interface DemoQuestion {
  prompt: string;
  kind: "single" | "multiple";
  /** Options in order; `true` marks a right one. */
  options: [string, boolean][];
}

interface DemoCourse {
  key: string;
  title: string;
  summary: string;
  language: "en" | "ar";
  minTier: string | null;
  passMarkPercent: number;
  attemptLimit: number;
  validityMonths: number;
  status: "published" | "draft";
  lessons: { title: string; body: string; videoUrl?: string }[];
  questions: DemoQuestion[];
}

/**
 * The demo's courses. End-to-end specs read the right answers from here, the way a partner who
 * read the lessons would know them.
 */
export const DEMO_COURSES: DemoCourse[] = [
  {
    key: "fundamentals",
    title: "Product Fundamentals",
    summary: "What Analytics Cloud does, who buys it, and how a deal is registered and protected.",
    language: "en",
    minTier: null,
    passMarkPercent: 75,
    attemptLimit: 3,
    validityMonths: 12,
    status: "published",
    lessons: [
      {
        title: "What Analytics Cloud does",
        body: `Analytics Cloud turns a company's operational data into **dashboards and alerts** that teams act on.

- Connectors for 40+ sources, from PostgreSQL to Salesforce
- Dashboards shared by link, with row-level permissions
- Alerts by email and Slack when a number moves

A typical first project takes **two weeks** from kickoff to the first live dashboard.`,
        videoUrl: "https://videos.tierwise.example/fundamentals/overview",
      },
      {
        title: "Who buys it",
        body: `Our best customers are **operations and finance teams at companies with 50 to 2,000 people** who already keep their data in a warehouse or a SaaS tool, and spend days each month building spreadsheets.

Ask about the report they dread every month: that report is the first dashboard.`,
      },
      {
        title: "Registering and protecting a deal",
        body: `Register a lead as soon as you have a named contact and a real need. An approved registration protects the deal for **90 days**; winning it inside that window earns your tier's commission.

1. Register the lead in the portal
2. Your partner manager reviews it, usually within one working day
3. Keep the lead moving: approved leads without progress expire`,
      },
    ],
    questions: [
      {
        prompt: "How long does an approved deal registration protect the deal?",
        kind: "single",
        options: [
          ["30 days", false],
          ["90 days", true],
          ["One year", false],
        ],
      },
      {
        prompt: "Which teams are Analytics Cloud's best buyers?",
        kind: "multiple",
        options: [
          ["Operations teams", true],
          ["Finance teams", true],
          ["Facilities teams", false],
          ["Legal teams", false],
        ],
      },
      {
        prompt: "How long does a typical first project take to reach its first live dashboard?",
        kind: "single",
        options: [
          ["Two days", false],
          ["Two weeks", true],
          ["Two quarters", false],
        ],
      },
      {
        prompt: "Where can Analytics Cloud send alerts?",
        kind: "multiple",
        options: [
          ["Email", true],
          ["Slack", true],
          ["Fax", false],
        ],
      },
    ],
  },
  {
    key: "advanced",
    title: "Advanced Solution Selling",
    summary: "Running a discovery call, building the business case, and handing over to onboarding.",
    language: "en",
    minTier: "silver",
    passMarkPercent: 80,
    attemptLimit: 2,
    validityMonths: 24,
    status: "published",
    lessons: [
      {
        title: "Discovery that finds the real problem",
        body: `A good discovery call ends with **a number the customer wants to change** and the name of the person who owns it.

Ask what happens today, how long it takes, and what it costs when it goes wrong.`,
      },
      {
        title: "The business case",
        body: `Build the case from the customer's own numbers: hours saved each month, decisions made sooner, and the cost of the tools it replaces. Keep it to **one page**.`,
      },
      {
        title: "Handing over to onboarding",
        body: `Once the deal is won, book the onboarding kickoff within **five working days** and bring the discovery notes, so the customer never explains their problem twice.`,
      },
    ],
    questions: [
      {
        prompt: "What should a discovery call end with?",
        kind: "single",
        options: [
          ["A signed order form", false],
          ["A number the customer wants to change, and its owner", true],
          ["A product demo", false],
        ],
      },
      {
        prompt: "How long should the business case be?",
        kind: "single",
        options: [
          ["One page", true],
          ["Ten pages", false],
        ],
      },
      {
        prompt: "What belongs in the business case?",
        kind: "multiple",
        options: [
          ["Hours saved each month", true],
          ["The cost of the tools it replaces", true],
          ["Our company history", false],
        ],
      },
      {
        prompt: "When should the onboarding kickoff be booked after a win?",
        kind: "single",
        options: [
          ["Within five working days", true],
          ["At the first renewal", false],
        ],
      },
    ],
  },
  {
    key: "onboarding-ar",
    title: "تهيئة العملاء الجدد",
    summary: "كيف تقود أول أسبوعين لعميل جديد حتى أول لوحة معلومات.",
    language: "ar",
    minTier: null,
    passMarkPercent: 70,
    attemptLimit: 3,
    validityMonths: 12,
    status: "draft",
    lessons: [
      {
        title: "اجتماع الانطلاق",
        body: "حدد في اجتماع الانطلاق **التقرير الأول** الذي يريده العميل، ومن يملك بياناته.",
      },
    ],
    questions: [
      {
        prompt: "ما الذي يُحدَّد في اجتماع الانطلاق؟",
        kind: "single",
        options: [
          ["التقرير الأول ومالك بياناته", true],
          ["موعد التجديد", false],
        ],
      },
    ],
  },
];

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
