/** The demo courses as data only (no imports), so end-to-end specs can read them too. */

export interface DemoQuestion {
  prompt: string;
  kind: "single" | "multiple";
  /** Options in order; `true` marks a right one. */
  options: [string, boolean][];
}

export interface DemoCourse {
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
