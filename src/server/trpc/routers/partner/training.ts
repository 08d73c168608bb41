import { catalogue, catalogueInput } from "@/server/domains/training/catalogue";
import { myCertifications } from "@/server/domains/training/certifications";
import {
  completeLesson,
  courseForLearner,
  courseInput,
  lessonForLearner,
  lessonInput,
} from "@/server/domains/training/lessons";
import {
  attemptInput,
  attemptResult,
  startAttempt,
  submitAttempt,
  submitAttemptInput,
} from "@/server/domains/training/quiz";
import { partnerProcedure, router } from "../../init";

/**
 * The calling person's learning: every member of a partner learns for themselves (progress,
 * attempts and certifications are the person's, the organization and tier come from the session).
 * A suspended partner still reads its courses and certificates, but like every mutation of a
 * suspended partner, marking lessons and taking quizzes is refused by `partnerProcedure`: a
 * certification moves tiers, and a suspended partner earns nothing new.
 */
export const trainingRouter = router({
  catalogue: partnerProcedure()
    .input(catalogueInput)
    .query(({ ctx, input }) => catalogue(ctx.service, input)),
  myCertifications: partnerProcedure().query(({ ctx }) => myCertifications(ctx.service)),
  course: partnerProcedure()
    .input(courseInput)
    .query(({ ctx, input }) => courseForLearner(ctx.service, input)),
  lesson: partnerProcedure()
    .input(lessonInput)
    .query(({ ctx, input }) => lessonForLearner(ctx.service, input)),
  completeLesson: partnerProcedure()
    .input(lessonInput)
    .mutation(({ ctx, input }) => completeLesson(ctx.service, input)),
  /** Starts the quiz or resumes the open attempt; a mutation, since it writes the shuffled order. */
  startAttempt: partnerProcedure()
    .input(courseInput)
    .mutation(({ ctx, input }) => startAttempt(ctx.service, input)),
  submitAttempt: partnerProcedure()
    .input(submitAttemptInput)
    .mutation(({ ctx, input }) => submitAttempt(ctx.service, input)),
  attemptResult: partnerProcedure()
    .input(attemptInput)
    .query(({ ctx, input }) => attemptResult(ctx.service, input)),
});
